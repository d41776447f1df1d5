using System;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>Reads the release out of /varz "version" (e.g. "v2.2.5-20260422" → 2.2.5).</summary>
    internal static class WuKongServerVersion
    {
        /// <summary>POST /message/event replaced POST /event in v2.2.4 (see docs/server-behaviour/wukongim.md, 'Versions').</summary>
        public static readonly Version MessageEventApi = new Version(2, 2, 4);

        /// <summary>POST /event appeared in v2.2.1 (see docs/server-behaviour/wukongim.md, 'Versions').</summary>
        public static readonly Version LegacyEventApi = new Version(2, 2, 1);

        public static Version? Parse(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var core = text!.Trim().TrimStart('v', 'V').Split('-', '+', ' ')[0];
            return Version.TryParse(core, out var version) ? version : null;
        }
    }
}
