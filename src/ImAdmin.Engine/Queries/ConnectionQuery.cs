namespace ImAdmin.Engine.Queries
{
    /// <summary>What Get-ImConnection lists (WuKongIM: GET /connz): a node, an optional uid filter, and which slice of the sorted list to read.</summary>
    public sealed class ConnectionQuery
    {
        /// <summary>The server's uid filter. It is a SUBSTRING match: "u1" also lists u10 and bu1.</summary>
        public string? UserIdContains { get; set; }

        /// <summary>The node to ask (null: the node the session talks to). The server proxies to it.</summary>
        public ulong? NodeId { get; set; }

        /// <summary>Connections per request (the server's limit). The server has no maximum; its default is 20.</summary>
        public int PageSize { get; set; } = 100;

        /// <summary>The order the server lists in; paging follows it. Default: by connection id.</summary>
        public ConnectionSortKey SortBy { get; set; }

        /// <summary>Largest first.</summary>
        public bool Descending { get; set; }

        /// <summary>How many connections of the list to skip (the server's offset).</summary>
        public long Offset { get; set; }

        /// <summary>How many connections to read at most; null reads to the end. Requests never ask for more than this.</summary>
        public long? Limit { get; set; }
    }
}
