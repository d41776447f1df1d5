using System;
using ImAdmin.Engine.Security;

namespace ImAdmin.Engine.Webhooks
{
    /// <summary>How strictly to check a callback before trusting it.</summary>
    public sealed class WebhookParseOptions
    {
        public static readonly TimeSpan DefaultMaxClockSkew = TimeSpan.FromSeconds(60);

        /// <summary>Tencent callback token: when set, Sign and RequestTime must be in the query and must check out.</summary>
        public ImSecret? CallbackToken { get; set; }

        /// <summary>How far RequestTime may be from now (Tencent: 60 s).</summary>
        public TimeSpan MaxClockSkew { get; set; } = DefaultMaxClockSkew;

        /// <summary>Tencent SDKAppID: when set, the query's SdkAppid must be this app.</summary>
        public long? SdkAppId { get; set; }

        /// <summary>The clock RequestTime is compared with (tests set it).</summary>
        public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;
    }
}
