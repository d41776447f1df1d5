using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>
    /// The server's connection count (online_count) and list (online_list) as a server status, the nearest thing
    /// WildfireChat has to WuKongIM's /varz. A community server is a single node, node 1.
    /// </summary>
    public sealed partial class WildfireClient : IServerStatusReader
    {
        /// <summary>Connections per online_list call.</summary>
        public const int OnlineListPageSize = 500;

        /// <summary>
        /// A node's connections now (online_count counts connections, not distinct users; it answers every node, and a
        /// community server is the single node 1), and with <paramref name="topConnections"/> the first that many of the
        /// node's online_list, with the distinct users among them. A node the server does not report is refused.
        /// </summary>
        public async Task<ImServerStatus> GetServerStatusAsync(ulong? nodeId, int? topConnections, CancellationToken cancellationToken)
        {
            var counts = await CallAsync("/admin/user/online_count", new { }, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            var nodes = (counts.ValueKind == JsonValueKind.Array ? counts.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .Select(n => (Node: (ulong)(n.GetLong("node") ?? 1), Count: n.GetInt("count") ?? 0)).ToList();
            var node = nodeId == null ? nodes.FirstOrDefault() : nodes.FirstOrDefault(n => n.Node == nodeId.Value);
            if (nodeId != null && node.Node != nodeId.Value)
                throw new ImInputException("NodeId", $"WildfireChat reports node(s) {string.Join(", ", nodes.Select(n => n.Node))}, not {nodeId}; a community server is the single node 1.");
            var status = new ImServerStatus { NodeId = node.Node == 0 ? 1 : node.Node, ServerName = "WildfireChat", Connections = node.Count };
            if (topConnections == null) return status;

            var connections = new List<ImConnection>();
            while (connections.Count < topConnections.Value)
            {
                var want = Math.Min(OnlineListPageSize, topConnections.Value - connections.Count);
                var page = await CallAsync("/admin/user/online_list", new OnlineListBody(status.NodeId, connections.Count, want), RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                var rows = page.TryGetProperty("userClients", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : new List<JsonElement>();
                connections.AddRange(rows.Select(row => new ImConnection
                {
                    UserId = row.GetString("userId") ?? string.Empty,
                    DeviceId = row.GetString("clientId"),
                    DeviceFlag = DeviceFlagOf(row.GetInt("platform") ?? 0),
                    NodeId = status.NodeId,
                }));
                if (rows.Count < want) break;
            }
            status.TopConnections = connections;
            status.UserHandlerCount = connections.Select(c => c.UserId).Distinct(StringComparer.Ordinal).Count();
            return status;
        }

        /// <summary>
        /// The module's grouping of WildfireChat platforms (the server has none): phones and tablets are App, desktops PC,
        /// the browser and the mini-program Web; 0 (unset) and unknown numbers are null.
        /// </summary>
        internal static DeviceFlag? DeviceFlagOf(int platform) => platform switch
        {
            1 or 2 or 8 or 9 or 10 or 11 => DeviceFlag.App,
            3 or 4 or 7 or 12 => DeviceFlag.PC,
            5 or 6 => DeviceFlag.Web,
            _ => null,
        };
    }
}
