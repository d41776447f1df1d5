using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Security;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>Users and devices: tokens, forced logout, online status, routes and system uids (see docs/server-behaviour/wukongim.md, 'Users and devices').</summary>
    public sealed partial class WuKongClient
    {
        /// <summary>
        /// POST /user/token: creates the user and device when missing and stores the token clients log in with.
        /// A Master level kicks the user's existing connections of that device kind. The token is sent in the body
        /// only; logs mask it. A banned (19) or disbanded (24) person channel is refused inside an HTTP 200.
        /// </summary>
        public async Task SetUserTokenAsync(string userId, ImSecret token, DeviceFlag deviceFlag, DeviceLevel deviceLevel, CancellationToken cancellationToken)
        {
            WuKongUserIds.RequirePlain(userId, "UserId");
            if (userId == WuKongUserIds.SystemUid)
                throw new ImInputException("UserId", $"'{userId}' is WuKongIM's own system uid; the server refuses to set its token.");
            if (token == null || token.Length == 0)
                throw new ImInputException("Token", "-Token is empty. The server refuses an empty token (an empty token is how a logged-out device is marked).");
            if (deviceFlag != DeviceFlag.App && deviceFlag != DeviceFlag.Web && deviceFlag != DeviceFlag.PC)
                throw new ImInputException("DeviceFlag", $"-DeviceFlag {deviceFlag} cannot hold a token; use App, Web or PC.");
            var body = new { uid = userId, token = token.Reveal(), device_flag = (int)deviceFlag, device_level = (int)deviceLevel };
            await PostJsonAsync("/user/token", body, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// POST /user/device_quit: blanks the device's token (it cannot log in until a new token is set) and kicks its
        /// connections. All sends -1 (app, web and pc), which the SDK's uint8 field cannot express. The server answers
        /// OK even when the device does not exist.
        /// </summary>
        public async Task QuitDeviceAsync(string userId, DeviceFlag deviceFlag, CancellationToken cancellationToken)
        {
            ChannelInput.RequireUserId(userId, "UserId");
            CheckDeviceFlag(deviceFlag);
            var body = new { uid = userId, device_flag = (int)deviceFlag };
            await PostJsonAsync("/user/device_quit", body, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// POST /user/onlinestatus (a bare array of uids), in chunks of <see cref="MemberChunkSize"/>. The server lists one
        /// entry per online connection and leaves offline users out; this returns one entry per user and device kind
        /// with the connection count, and an Online=false entry for every user it did not list.
        /// </summary>
        public async Task<IReadOnlyList<ImOnlineStatus>> GetOnlineStatusAsync(IEnumerable<string> userIds, CancellationToken cancellationToken)
        {
            var results = new List<ImOnlineStatus>();
            foreach (var chunk in InChunks(ChannelInput.DistinctUserIds(userIds, "UserId"), MemberChunkSize))
            {
                var body = await PostJsonAsync("/user/onlinestatus", chunk, cancellationToken).ConfigureAwait(false);
                // null (cluster edge cases) and {"status":200} (empty input) both mean nobody is online.
                var entries = WuKongResponse.As<List<WuKongOnlineEntry>>(body, JsonValueKind.Array);
                var byUser = entries.Where(e => e.Online == 1 && e.Uid != null).ToLookup(e => e.Uid!, System.StringComparer.Ordinal);
                foreach (var uid in chunk)
                {
                    var online = byUser[uid].GroupBy(e => e.DeviceFlag).ToList();
                    if (online.Count == 0) results.Add(new ImOnlineStatus { UserId = uid });
                    results.AddRange(online.Select(g => new ImOnlineStatus { UserId = uid, DeviceFlag = (DeviceFlag)g.Key, Online = true, ConnectionCount = g.Count() }));
                }
            }
            return results;
        }

        /// <summary>
        /// The addresses clients connect to: GET /route when no user is given, else POST /route/batch with a BARE array
        /// of uids (the docs' {"uids":[...]} is refused). Every user gets the same node addresses.
        /// </summary>
        public async Task<IReadOnlyList<ImUserRoute>> GetUserRoutesAsync(IEnumerable<string>? userIds, bool intranet, CancellationToken cancellationToken)
        {
            var query = "?intranet=" + (intranet ? "1" : "0");
            var ids = ChannelInput.DistinctUserIds(userIds, "UserId");
            if (ids.Count == 0)
            {
                var body = await GetJsonAsync("/route" + query, cancellationToken).ConfigureAwait(false);
                var route = WuKongResponse.As<WuKongRoute>(body, JsonValueKind.Object);
                return new[] { RouteOf(null, route, intranet) };
            }
            var results = new List<ImUserRoute>();
            foreach (var chunk in InChunks(ids, MemberChunkSize))
            {
                var body = await PostJsonAsync("/route/batch" + query, chunk, cancellationToken).ConfigureAwait(false);
                var groups = WuKongResponse.As<List<WuKongRoute>>(body, JsonValueKind.Array);
                results.AddRange(groups.SelectMany(g => (g.Uids ?? new List<string>()).Select(uid => RouteOf(uid, g, intranet))));
            }
            return results;
        }

        /// <summary>GET /user/systemuids: a bare array, or JSON null when there are none.</summary>
        public async Task<IReadOnlyList<ImSystemUser>> GetSystemUsersAsync(CancellationToken cancellationToken)
        {
            var body = await GetJsonAsync("/user/systemuids", cancellationToken).ConfigureAwait(false);
            if (body.ValueKind != JsonValueKind.Array) return new ImSystemUser[0];
            return body.Deserialize<List<string>>(ImJson.Options)!.Select(uid => new ImSystemUser { UserId = uid }).ToList();
        }

        /// <summary>
        /// POST /user/systemuids_add with {uids:[...]} in ONE call (the caller chunks, so a failure names its inputs).
        /// In a cluster with a manager token the server may answer 400 after storing the change (see docs/server-behaviour/wukongim.md, 'Authentication').
        /// </summary>
        public Task AddSystemUsersAsync(IEnumerable<string> userIds, CancellationToken cancellationToken) =>
            SystemUsersCallAsync("/user/systemuids_add", userIds, cancellationToken);

        /// <summary>POST /user/systemuids_remove with {uids:[...]} in one call.</summary>
        public Task RemoveSystemUsersAsync(IEnumerable<string> userIds, CancellationToken cancellationToken) =>
            SystemUsersCallAsync("/user/systemuids_remove", userIds, cancellationToken);

        private async Task SystemUsersCallAsync(string path, IEnumerable<string> userIds, CancellationToken cancellationToken)
        {
            var ids = ChannelInput.DistinctUserIds(userIds, "UserId");
            if (ids.Count == 0) return;
            await PostJsonAsync(path, new { uids = ids }, cancellationToken).ConfigureAwait(false);
        }

        private static ImUserRoute RouteOf(string? userId, WuKongRoute route, bool intranet) => new ImUserRoute
        {
            UserId = userId,
            TcpAddress = route.TcpAddr,
            WebSocketAddress = route.WsAddr,
            SecureWebSocketAddress = route.WssAddr,
            Intranet = intranet,
        };

    }
}
