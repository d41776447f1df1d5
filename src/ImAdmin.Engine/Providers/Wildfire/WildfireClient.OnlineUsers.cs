using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>
    /// The server's connection count (online_count) and list (online_list) as a server status, the nearest thing
    /// WildfireChat has to WuKongIM's /varz. A community server is a single node, node 1.
    /// </summary>
    public sealed partial class WildfireClient
    {
        /// <summary>Connections per online_list call.</summary>
        public const int OnlineListPageSize = 500;

        /// <summary>
        /// Connections now (online_count counts connections, not distinct users), and with <paramref name="connectionLimit"/>
        /// the first that many connections of online_list, with the distinct users among them.
        /// </summary>
        public async Task<ImServerStatus> GetServerStatusAsync(int? connectionLimit, CancellationToken cancellationToken)
        {
            var counts = await CallAsync("/admin/user/online_count", new { }, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            var nodes = counts.ValueKind == JsonValueKind.Array ? counts.EnumerateArray().ToList() : new List<JsonElement>();
            var status = new ImServerStatus
            {
                NodeId = (ulong)(nodes.Select(n => n.GetInt("node") ?? 1).FirstOrDefault()),
                ServerName = "WildfireChat",
                Connections = nodes.Sum(n => n.GetInt("count") ?? 0),
            };
            if (connectionLimit == null) return status;

            var connections = new List<ImConnection>();
            while (connections.Count < connectionLimit.Value)
            {
                var want = Math.Min(OnlineListPageSize, connectionLimit.Value - connections.Count);
                var page = await CallAsync("/admin/user/online_list", new OnlineListBody(connections.Count, want), RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
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
