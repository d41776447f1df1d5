using System;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Models.Webhooks
{
    /// <summary>What Tencent sends with every callback: the query-string context and the body's EventTime.</summary>
    internal interface ITencentCallback
    {
        ImProvider Provider { set; }
        string Event { set; }
        DateTimeOffset? EventTime { set; }
        long? SdkAppId { set; }
        string? ClientIP { set; }
        string? OptPlatform { set; }
    }

    /// <summary>
    /// Base of the Tencent Cloud IM callbacks that are not messages. The query-string values (SdkAppId, ClientIP,
    /// OptPlatform) are empty when the query was not available, as in an Azure Automation runbook.
    /// </summary>
    public abstract class TencentCallbackEvent : ImWebhookEvent, ITencentCallback
    {
        /// <summary>When the event happened (EventTime, milliseconds), when Tencent sends it.</summary>
        public DateTimeOffset? EventTime { get; set; }

        /// <summary>The SDKAppID from the query string (SdkAppid).</summary>
        public long? SdkAppId { get; set; }

        /// <summary>The client's IP address from the query string.</summary>
        public string? ClientIP { get; set; }

        /// <summary>The client platform from the query string (RESTAPI, Web, Android, iOS, ...).</summary>
        public string? OptPlatform { get; set; }
    }
}
