using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>Server variables and the v1-to-v2 migration state (see docs/server-behaviour/wukongim.md, 'Server state').</summary>
    public sealed partial class WuKongClient
    {
        internal const string NoMigrationNote =
            "WuKongIM reports 'running' also when no v1-to-v2 migration is configured (oldV1Api unset); with no step and no attempts, that is most likely the case here.";

        internal const string HiddenErrorNote =
            "The server recorded a migration error but does not return its text (it serialises the error as {}); see the server log.";

        /// <summary>
        /// GET /varz [?show=conn&amp;conn_limit=N] [&amp;node_id=N]. <paramref name="topConnections"/> asks for that many of the
        /// node's busiest connections (by inbound messages); null asks for none. The SDK's sort parameter is ignored by
        /// the server and not sent.
        /// </summary>
        public async Task<ImServerStatus> GetServerStatusAsync(ulong? nodeId, int? topConnections, CancellationToken cancellationToken)
        {
            if (topConnections < 1)
                throw new ImInputException("ConnectionLimit", "-ConnectionLimit must be at least 1 (the server treats 0 as its default of 20 and fails on negative values).");
            var path = new StringBuilder("/varz");
            var separator = '?';
            if (topConnections.HasValue)
            {
                path.Append("?show=conn&conn_limit=").Append(topConnections.Value);
                separator = '&';
            }
            if (nodeId.HasValue) path.Append(separator).Append("node_id=").Append(nodeId.Value);

            var body = await GetJsonAsync(path.ToString(), cancellationToken).ConfigureAwait(false);
            var varz = WuKongResponse.As<WuKongVarz>(body, JsonValueKind.Object);
            ulong.TryParse(varz.ServerId, out var serverId);
            return new ImServerStatus
            {
                NodeId = serverId,
                ServerName = varz.ServerName,
                Version = varz.Version,
                Connections = varz.Connections,
                UserHandlerCount = varz.UserHandlerCount,
                UserHandlerConnectionCount = varz.UserHandlerConnCount,
                Uptime = GoDuration.Parse(varz.Uptime),
                Goroutines = varz.Goroutine,
                MemoryBytes = varz.Mem,
                CpuPercent = varz.Cpu,
                InMessages = varz.InMsgs,
                OutMessages = varz.OutMsgs,
                InBytes = varz.InBytes,
                OutBytes = varz.OutBytes,
                SlowClients = varz.SlowClients,
                RetryQueue = varz.RetryQueue,
                TcpAddress = varz.TcpAddr,
                WebSocketAddress = varz.WsAddr,
                SecureWebSocketAddress = varz.WssAddr,
                ManagerAddress = varz.ManagerAddr,
                ManagerEnabled = varz.ManagerOn == 1,
                ApiUrl = varz.ApiUrl,
                Commit = varz.Commit,
                CommitDate = varz.CommitDate,
                TreeState = varz.TreeState,
                ManagerUserId = varz.ManagerUid,
                ManagerTokenEnabled = varz.ManagerTokenOn == 1,
                TopConnections = (varz.Conns ?? new System.Collections.Generic.List<WuKongConnInfo>()).Select(c => c.ToConnection()).ToList(),
            };
        }

        /// <summary>GET /migrate/result, with a note where the raw answer misleads (see <see cref="ImMigrationStatus"/>).</summary>
        public async Task<ImMigrationStatus> GetMigrationStatusAsync(CancellationToken cancellationToken)
        {
            var body = await GetJsonAsync("/migrate/result", cancellationToken).ConfigureAwait(false);
            var result = WuKongResponse.As<WuKongMigrateResult>(body, JsonValueKind.Object);
            var hasError = result.LastErr.ValueKind != JsonValueKind.Undefined && result.LastErr.ValueKind != JsonValueKind.Null;
            var status = result.Status ?? string.Empty;
            string? note = null;
            if (hasError) note = HiddenErrorNote;
            else if (status == "running" && string.IsNullOrEmpty(result.Step) && result.TryCount == 0) note = NoMigrationNote;
            return new ImMigrationStatus { Status = status, Step = result.Step, TryCount = result.TryCount, HasError = hasError, Note = note };
        }
    }
}
