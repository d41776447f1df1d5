using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Queries;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>Client connections: GET /connz, POST /conn/kick and POST /conn/remove (see docs/server-behaviour/wukongim.md, 'Connections').</summary>
    public sealed partial class WuKongClient
    {
        /// <summary>
        /// Reads /connz page by page, lazily: the next request is sent only when the caller asks for more. Paging
        /// stops when a page comes back shorter than asked for, or when <see cref="ConnectionQuery.Limit"/> is reached.
        /// The list is live: connections that come or go between pages can shift it by a few entries.
        /// </summary>
        public async IAsyncEnumerable<ConnectionPage> GetConnectionPagesAsync(ConnectionQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (query.PageSize < 1) throw new ImInputException("PageSize", "-PageSize must be at least 1 (the server treats 0 as its default of 20).");
            if (query.Offset < 0) throw new ImInputException("Skip", "-Skip cannot be negative.");
            var offset = query.Offset;
            var remaining = query.Limit;
            while (remaining == null || remaining > 0)
            {
                var limit = remaining.HasValue ? (int)Math.Min(query.PageSize, remaining.Value) : query.PageSize;
                var body = await GetJsonAsync(ConnzPath(query, offset, limit), cancellationToken).ConfigureAwait(false);
                var connz = WuKongResponse.As<WuKongConnz>(body, JsonValueKind.Object);
                var connections = (connz.Connections ?? new List<WuKongConnInfo>()).Select(c => c.ToConnection()).ToList();
                yield return new ConnectionPage(connections, connz.Total, GoTime.Parse(connz.Now));
                if (connections.Count < limit) yield break;
                offset += connections.Count;
                remaining -= connections.Count;
            }
        }

        /// <summary>
        /// POST /conn/kick: the client gets a DISCONNECT ("server kick") and the socket closes 2 s later; client SDKs
        /// treat this as kicked and do not reconnect. The server answers OK even when no such connection exists.
        /// </summary>
        public Task KickConnectionAsync(string userId, long connectionId, ulong? nodeId, CancellationToken cancellationToken) =>
            ConnectionCallAsync("/conn/kick", userId, connectionId, nodeId, cancellationToken);

        /// <summary>POST /conn/remove: closes the socket at once; the client reconnects. OK even when no such connection exists.</summary>
        public Task RemoveConnectionAsync(string userId, long connectionId, ulong? nodeId, CancellationToken cancellationToken) =>
            ConnectionCallAsync("/conn/remove", userId, connectionId, nodeId, cancellationToken);

        private async Task ConnectionCallAsync(string path, string userId, long connectionId, ulong? nodeId, CancellationToken cancellationToken)
        {
            ChannelInput.RequireUserId(userId, "UserId");
            if (connectionId == 0)
                throw new ImInputException("ConnectionId", "-ConnectionId 0 is not a connection id (the server refuses it). Take ConnectionId from Get-ImConnection.");
            // node_id says which node holds the socket; op_node_id makes the answering node forward the call there,
            // without which a connection held by another node is silently not found (the SDK never sends it).
            var body = new { uid = userId, conn_id = connectionId, node_id = nodeId, op_node_id = nodeId };
            await PostJsonAsync(path, body, cancellationToken).ConfigureAwait(false);
        }

        private static string ConnzPath(ConnectionQuery query, long offset, int limit)
        {
            var path = new StringBuilder("/connz?offset=").Append(offset).Append("&limit=").Append(limit);
            if (!string.IsNullOrEmpty(query.UserIdContains)) path.Append("&uid=").Append(Uri.EscapeDataString(query.UserIdContains));
            if (query.NodeId.HasValue) path.Append("&node_id=").Append(query.NodeId.Value);
            if (query.SortBy != ConnectionSortKey.Id || query.Descending) path.Append("&sort=").Append(SortValue(query.SortBy, query.Descending));
            return path.ToString();
        }

        /// <summary>
        /// The server's sort names. It sorts "uptime" by connect time and "idle" by last activity, so the shortest
        /// uptime or idle time first is its Desc order.
        /// </summary>
        private static string SortValue(ConnectionSortKey key, bool descending)
        {
            var name = key switch
            {
                ConnectionSortKey.InMessages => "inMsg",
                ConnectionSortKey.OutMessages => "outMsg",
                ConnectionSortKey.InMessageBytes => "inMsgBytes",
                ConnectionSortKey.OutMessageBytes => "outMsgBytes",
                ConnectionSortKey.InPackets => "inPacket",
                ConnectionSortKey.OutPackets => "outPacket",
                ConnectionSortKey.InPacketBytes => "inPacketBytes",
                ConnectionSortKey.OutPacketBytes => "outPacketBytes",
                ConnectionSortKey.Uptime => "uptime",
                ConnectionSortKey.Idle => "idle",
                ConnectionSortKey.ProtocolVersion => "protoVersion",
                _ => "id",
            };
            var inverted = key == ConnectionSortKey.Uptime || key == ConnectionSortKey.Idle;
            return descending != inverted ? name + "Desc" : name;
        }
    }
}
