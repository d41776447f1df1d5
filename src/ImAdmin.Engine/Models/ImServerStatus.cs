using System;
using System.Collections.Generic;

namespace ImAdmin.Engine.Models
{
    /// <summary>A WuKongIM node's variables (GET /varz): version, load, traffic counters and advertised addresses.</summary>
    public sealed class ImServerStatus
    {
        public ulong NodeId { get; set; }

        public string? ServerName { get; set; }

        public string? Version { get; set; }

        /// <summary>Client connections whose socket this node holds.</summary>
        public int Connections { get; set; }

        /// <summary>Users with at least one connection known to this node (held here or proxied).</summary>
        public int UserHandlerCount { get; set; }

        /// <summary>Connections known to this node, including those proxied from other nodes.</summary>
        public int UserHandlerConnectionCount { get; set; }

        public TimeSpan? Uptime { get; set; }

        public int Goroutines { get; set; }

        /// <summary>Resident memory of the server process, in bytes.</summary>
        public long MemoryBytes { get; set; }

        /// <summary>CPU use of the server process, in percent.</summary>
        public double CpuPercent { get; set; }

        public long InMessages { get; set; }
        public long OutMessages { get; set; }
        public long InBytes { get; set; }
        public long OutBytes { get; set; }
        public long SlowClients { get; set; }

        /// <summary>Messages waiting for a delivery retry.</summary>
        public long RetryQueue { get; set; }

        public string? TcpAddress { get; set; }
        public string? WebSocketAddress { get; set; }
        public string? SecureWebSocketAddress { get; set; }
        public string? ManagerAddress { get; set; }
        public bool ManagerEnabled { get; set; }
        public string? ApiUrl { get; set; }

        public string? Commit { get; set; }
        public string? CommitDate { get; set; }
        public string? TreeState { get; set; }

        /// <summary>The uid the server uses for manager-sent messages.</summary>
        public string? ManagerUserId { get; set; }

        /// <summary>Whether the API requires the manager token (managerToken is set).</summary>
        public bool ManagerTokenEnabled { get; set; }

        /// <summary>With -IncludeConnections: the node's busiest connections by inbound messages (addresses are not reported here).</summary>
        public IReadOnlyList<ImConnection> TopConnections { get; set; } = Array.Empty<ImConnection>();

        public override string ToString() => $"node {NodeId} {ServerName} {Version}: {Connections} connections, up {Uptime}";
    }
}
