using System;
using System.Globalization;
using System.Management.Automation;

namespace ImAdmin.Base
{
    /// <summary>
    /// Lets a TimeSpan parameter take whole seconds, the unit of the servers' fields (Tencent MsgLifeTime): a number,
    /// or a CSV cell of digits, is seconds; other text is parsed as a time span (d.hh:mm:ss); an empty cell is "not given".
    /// Without it PowerShell reads "30" as 30 days and 30 as 30 ticks.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class SecondsTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case int seconds: return TimeSpan.FromSeconds(seconds);
                case long seconds: return TimeSpan.FromSeconds(seconds);
                case string text when string.IsNullOrWhiteSpace(text): return null;
                case string text when long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds): return TimeSpan.FromSeconds(seconds);
                case string text when TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var span): return span;
                case string text:
                    throw new ArgumentTransformationMetadataException($"'{text}' is not a lifetime: give whole seconds (e.g. 3600) or a time span (e.g. 01:00:00, 2.00:00:00).");
                default: return value;
            }
        }
    }
}
