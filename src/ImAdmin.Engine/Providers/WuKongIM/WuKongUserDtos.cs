using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>One entry of /user/onlinestatus: one per online CONNECTION (offline users are absent).</summary>
    internal sealed class WuKongOnlineEntry
    {
        [JsonPropertyName("uid")] public string? Uid { get; set; }
        [JsonPropertyName("device_flag")] public int DeviceFlag { get; set; }
        [JsonPropertyName("online")] public int Online { get; set; }
    }

    /// <summary>The /route answer; /route/batch wraps it in an array with the uids echoed.</summary>
    internal sealed class WuKongRoute
    {
        [JsonPropertyName("uids")] public List<string>? Uids { get; set; }
        [JsonPropertyName("tcp_addr")] public string? TcpAddr { get; set; }
        [JsonPropertyName("ws_addr")] public string? WsAddr { get; set; }
        [JsonPropertyName("wss_addr")] public string? WssAddr { get; set; }
    }
}
