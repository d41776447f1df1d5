namespace ImAdmin.Engine.Models
{
    /// <summary>
    /// The addresses a client should connect to. WuKongIM gives every user the same node addresses; with no user
    /// asked for, <see cref="UserId"/> is null.
    /// </summary>
    public sealed class ImUserRoute
    {
        public string? UserId { get; set; }

        /// <summary>tcp_addr (with -Intranet, the cluster-internal TCP address).</summary>
        public string? TcpAddress { get; set; }

        /// <summary>ws_addr; empty with -Intranet.</summary>
        public string? WebSocketAddress { get; set; }

        /// <summary>wss_addr; empty when WSS is off or with -Intranet.</summary>
        public string? SecureWebSocketAddress { get; set; }

        /// <summary>Whether these are the intranet addresses.</summary>
        public bool Intranet { get; set; }

        public override string ToString() => (UserId ?? "*") + " -> " + TcpAddress;
    }
}
