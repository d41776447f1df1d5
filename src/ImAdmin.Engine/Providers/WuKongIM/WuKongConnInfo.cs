using System.Collections.Generic;
using System.Text.Json.Serialization;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>
    /// One connection as /connz and /varz?show=conn send it (see docs/server-behaviour/wukongim.md, 'Connections'). The docs' and SDK's cid, start,
    /// in_bytes, subscriptions and device_flag do not exist; pending_bytes exists but is always 0, so it is not read.
    /// </summary>
    internal sealed class WuKongConnInfo
    {
        [JsonPropertyName("id")] public long Id { get; set; }
        [JsonPropertyName("uid")] public string? Uid { get; set; }
        [JsonPropertyName("ip")] public string? Ip { get; set; }
        [JsonPropertyName("port")] public int Port { get; set; }
        [JsonPropertyName("last_activity")] public string? LastActivity { get; set; }
        [JsonPropertyName("uptime")] public string? Uptime { get; set; }
        [JsonPropertyName("idle")] public string? Idle { get; set; }
        [JsonPropertyName("in_msgs")] public long InMsgs { get; set; }
        [JsonPropertyName("out_msgs")] public long OutMsgs { get; set; }
        [JsonPropertyName("in_msg_bytes")] public long InMsgBytes { get; set; }
        [JsonPropertyName("out_msg_bytes")] public long OutMsgBytes { get; set; }
        [JsonPropertyName("in_packets")] public long InPackets { get; set; }
        [JsonPropertyName("out_packets")] public long OutPackets { get; set; }
        [JsonPropertyName("in_packet_bytes")] public long InPacketBytes { get; set; }
        [JsonPropertyName("out_packet_bytes")] public long OutPacketBytes { get; set; }
        [JsonPropertyName("device")] public string? Device { get; set; }
        [JsonPropertyName("device_id")] public string? DeviceId { get; set; }
        [JsonPropertyName("version")] public int Version { get; set; }
        [JsonPropertyName("proxy_type_format")] public string? ProxyTypeFormat { get; set; }
        [JsonPropertyName("leader_id")] public ulong LeaderId { get; set; }
        [JsonPropertyName("node_id")] public ulong NodeId { get; set; }

        public ImConnection ToConnection()
        {
            var (flag, level) = WuKongDevice.Parse(Device);
            return new ImConnection
            {
                ConnectionId = Id,
                UserId = Uid ?? string.Empty,
                NodeId = NodeId,
                DeviceFlag = flag,
                DeviceLevel = level,
                DeviceId = string.IsNullOrEmpty(DeviceId) ? null : DeviceId,
                Address = AddressOf(Ip, Port),
                Uptime = GoDuration.Parse(Uptime),
                Idle = GoDuration.Parse(Idle),
                LastActivity = GoTime.Parse(LastActivity),
                InMessages = InMsgs,
                OutMessages = OutMsgs,
                InMessageBytes = InMsgBytes,
                OutMessageBytes = OutMsgBytes,
                InPackets = InPackets,
                OutPackets = OutPackets,
                InPacketBytes = InPacketBytes,
                OutPacketBytes = OutPacketBytes,
                ProtocolVersion = Version,
                LeaderId = LeaderId == 0 ? (ulong?)null : LeaderId,
                ProxyType = ProxyTypeOf(ProxyTypeFormat),
            };
        }

        /// <summary>Go splits the host from the port (dropping IPv6 brackets); put them back together.</summary>
        private static string? AddressOf(string? ip, int port)
        {
            if (string.IsNullOrEmpty(ip)) return null;
            return (ip!.IndexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
        }

        /// <summary>"本地连接" (local connection) or "源节点：N" (source node N); the server writes only Chinese here.</summary>
        private static ConnectionProxyType ProxyTypeOf(string? text)
        {
            if (string.IsNullOrEmpty(text)) return ConnectionProxyType.Unknown;
            if (text == "本地连接") return ConnectionProxyType.Local;
            return text!.StartsWith("源节点", System.StringComparison.Ordinal) ? ConnectionProxyType.Proxied : ConnectionProxyType.Unknown;
        }
    }

    /// <summary>The /connz answer: one slice of the node's sorted, filtered list, and the node's own socket count.</summary>
    internal sealed class WuKongConnz
    {
        [JsonPropertyName("connections")] public List<WuKongConnInfo>? Connections { get; set; }
        [JsonPropertyName("now")] public string? Now { get; set; }
        [JsonPropertyName("total")] public long Total { get; set; }
        [JsonPropertyName("offset")] public long Offset { get; set; }
        [JsonPropertyName("limit")] public long Limit { get; set; }
    }
}
