using System;
using System.Text.RegularExpressions;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>
    /// Reads the <c>device</c> text of a connz entry, "App(主)", "Web(从)", "PC(主)": the device kind and, in brackets,
    /// 主 (master) or 从 (slave). Connections carry no numeric device_flag, whatever the docs say.
    /// </summary>
    internal static class WuKongDevice
    {
        private static readonly Regex Shape = new Regex(@"^\s*(?<flag>[^()（）]*?)\s*[(（]\s*(?<level>[^()（）]*?)\s*[)）]\s*$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        public static (DeviceFlag? Flag, DeviceLevel? Level) Parse(string? device)
        {
            if (string.IsNullOrWhiteSpace(device)) return (null, null);
            var match = Shape.Match(device!);
            var flagText = match.Success ? match.Groups["flag"].Value : device!.Trim();
            var levelText = match.Success ? match.Groups["level"].Value : string.Empty;
            return (FlagOf(flagText), LevelOf(levelText));
        }

        private static DeviceFlag? FlagOf(string text) => text.ToUpperInvariant() switch
        {
            "APP" => DeviceFlag.App,
            "WEB" => DeviceFlag.Web,
            "PC" => DeviceFlag.PC,
            _ => null, // 未知 (unknown) and anything newer
        };

        private static DeviceLevel? LevelOf(string text) => text switch
        {
            "主" => DeviceLevel.Master,
            "从" => DeviceLevel.Slave,
            _ when string.Equals(text, "master", StringComparison.OrdinalIgnoreCase) => DeviceLevel.Master,
            _ when string.Equals(text, "slave", StringComparison.OrdinalIgnoreCase) => DeviceLevel.Slave,
            _ => null,
        };
    }
}
