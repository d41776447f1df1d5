using System;

namespace ImAdmin.Engine.Models
{
    /// <summary>
    /// One client connection as a WuKongIM node lists it (GET /connz). Pipe it to Disconnect-ImConnection or
    /// Remove-ImConnection: UserId, ConnectionId and NodeId bind by name.
    /// </summary>
    public sealed class ImConnection
    {
        /// <summary>The node's id for the connection (connz <c>id</c>); unique per node, not across the cluster.</summary>
        public long ConnectionId { get; set; }

        public string UserId { get; set; } = string.Empty;

        /// <summary>The node that holds the socket.</summary>
        public ulong NodeId { get; set; }

        /// <summary>App, Web or PC; null when the server reports a device kind it does not name.</summary>
        public DeviceFlag? DeviceFlag { get; set; }

        public DeviceLevel? DeviceLevel { get; set; }

        public string? DeviceId { get; set; }

        /// <summary>Client address as ip:port; for a connection held by another node, that node's cluster address. Null when not reported.</summary>
        public string? Address { get; set; }

        /// <summary>How long the connection has been up (whole seconds, as the server reports it).</summary>
        public TimeSpan? Uptime { get; set; }

        /// <summary>Time since the last packet from the client.</summary>
        public TimeSpan? Idle { get; set; }

        public DateTimeOffset? LastActivity { get; set; }

        public long InMessages { get; set; }
        public long OutMessages { get; set; }
        public long InMessageBytes { get; set; }
        public long OutMessageBytes { get; set; }
        public long InPackets { get; set; }
        public long OutPackets { get; set; }
        public long InPacketBytes { get; set; }
        public long OutPacketBytes { get; set; }

        /// <summary>The client's WuKongIM protocol version.</summary>
        public int ProtocolVersion { get; set; }

        /// <summary>The node leading the user's slot; null when not reported (server-status listings).</summary>
        public ulong? LeaderId { get; set; }

        /// <summary>Whether the answering node holds the socket itself or lists it for the node that does.</summary>
        public ConnectionProxyType ProxyType { get; set; }

        public override string ToString() => $"{ConnectionId} {UserId} {DeviceFlag?.ToString() ?? "?"} on node {NodeId}";
    }

    /// <summary>How the answering node knows a connection.</summary>
    public enum ConnectionProxyType
    {
        /// <summary>The server did not say (connections listed by Get-ImServerStatus).</summary>
        Unknown,

        /// <summary>The answering node holds the socket.</summary>
        Local,

        /// <summary>Another node (NodeId) holds the socket; the answering node leads the user's slot.</summary>
        Proxied,
    }
}
