using System;
using System.Collections.Generic;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Queries
{
    /// <summary>One page of connections (WuKongIM: one /connz answer).</summary>
    public sealed class ConnectionPage
    {
        public ConnectionPage(IReadOnlyList<ImConnection> connections, long nodeTotal, DateTimeOffset? serverTime)
        {
            Connections = connections;
            NodeTotal = nodeTotal;
            ServerTime = serverTime;
        }

        public IReadOnlyList<ImConnection> Connections { get; }

        /// <summary>
        /// The answering node's own socket count (connz <c>total</c>): not filtered by uid, not the cluster's count,
        /// and without the connections it lists for other nodes.
        /// </summary>
        public long NodeTotal { get; }

        public DateTimeOffset? ServerTime { get; }
    }
}
