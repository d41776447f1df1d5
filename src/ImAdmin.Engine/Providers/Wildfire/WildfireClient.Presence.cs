using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>
    /// Presence: /admin/user/onlinestatus (the client sessions of one user) and /admin/user/kickoff_client (log clients
    /// out). The quirks are in docs/server-behaviour/wildfire.md, "Presence".
    /// </summary>
    public sealed partial class WildfireClient : IOnlineStatusReader, IDeviceLogout
    {
        private const string OnlineStatusPath = "/admin/user/onlinestatus";
        private const string KickoffPath = "/admin/user/kickoff_client";

        /// <summary>
        /// One call per user (the route takes one userId): one status per client session, or one Online $false status
        /// for a user with no session (an unknown user looks the same: the server does not check existence).
        /// A user whose call fails gets a failure; the other users are still asked.
        /// </summary>
        public async Task<IReadOnlyList<ItemResult<ImOnlineStatus>>> GetOnlineStatusesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
        {
            var results = new List<ItemResult<ImOnlineStatus>>();
            foreach (var userId in userIds.Distinct(StringComparer.Ordinal))
            {
                try
                {
                    var sessions = await GetSessionsAsync(userId, cancellationToken).ConfigureAwait(false);
                    if (sessions.Count == 0) sessions = new[] { new ImOnlineStatus { UserId = userId } };
                    results.AddRange(sessions.Select(s => ItemResult<ImOnlineStatus>.Success(userId, s)));
                }
                catch (ImException ex) when (ex.Kind != ImErrorKind.Authentication && ex.Kind != ImErrorKind.ConnectionFailed)
                {
                    results.Add(ItemResult<ImOnlineStatus>.Failure(userId, ex));
                }
            }
            return results;
        }

        /// <summary>Any flag is accepted: All (or none) logs every client out, App, Web or PC the clients of that kind.</summary>
        public void CheckDeviceFlag(DeviceFlag? deviceFlag)
        {
            if (deviceFlag == DeviceFlag.System)
                throw new ImInputException("DeviceFlag", "-DeviceFlag System cannot be logged out; use App, Web, PC or All.");
        }

        /// <summary>
        /// All (or no flag): one kickoff_client with no client id, which logs out every client of the user. App, Web or
        /// PC: the user's sessions are read first and each client of that kind is kicked by its client id (the server
        /// has no per-kind logout, and a client id of another user would be kicked too, so ids come from this user only).
        /// Kicking is idempotent, so a lost answer may be retried.
        /// </summary>
        public async Task LogOutDevicesAsync(string userId, DeviceFlag? deviceFlag, CancellationToken cancellationToken)
        {
            CheckDeviceFlag(deviceFlag);
            if (string.IsNullOrEmpty(userId)) throw new ImInputException("UserId", "-UserId is empty: name the user to log out.");
            if (deviceFlag is null or DeviceFlag.All)
            {
                await KickAsync(userId, null, cancellationToken).ConfigureAwait(false);
                return;
            }
            foreach (var session in await GetSessionsAsync(userId, cancellationToken).ConfigureAwait(false))
                if (session.DeviceFlag == deviceFlag && session.ClientId is { Length: > 0 } clientId)
                    await KickAsync(userId, clientId, cancellationToken).ConfigureAwait(false);
        }

        private async Task<IReadOnlyList<ImOnlineStatus>> GetSessionsAsync(string userId, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(userId)) throw new ImInputException("UserId", "A user id is empty: remove empty values (or blank CSV cells).");
            var result = await CallAsync(OnlineStatusPath, new OnlineStatusBody(userId), RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            var sessions = result.ValueKind == JsonValueKind.Object && result.TryGetProperty("sessions", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray()
                : Enumerable.Empty<JsonElement>();
            return sessions.Select(s => ToStatus(userId, s)).ToList();
        }

        private Task KickAsync(string userId, string? clientId, CancellationToken cancellationToken) =>
            PostAsync(KickoffPath, new KickoffBody(userId, clientId), cancellationToken);

        private static ImOnlineStatus ToStatus(string userId, JsonElement session)
        {
            var platform = (WildfirePlatform)(session.GetInt("platform") ?? 0);
            var online = session.GetInt("status") == 0;
            return new ImOnlineStatus
            {
                UserId = session.GetString("userId") ?? userId,
                ClientId = session.GetString("clientId"),
                Platform = platform,
                DeviceFlag = KindOf(platform),
                Online = online,
                ConnectionCount = online ? 1 : 0,
                LastSeen = session.GetLong("lastSeen") is long ms && ms > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null,
                PackageName = session.GetString("packageName"),
            };
        }

        /// <summary>The module's mapping of platforms to device kinds (the server has none): phones and tablets are App, desktops PC.</summary>
        public static DeviceFlag? KindOf(WildfirePlatform platform) => platform switch
        {
            WildfirePlatform.iOS or WildfirePlatform.Android or WildfirePlatform.iPad or WildfirePlatform.AndroidPad
                or WildfirePlatform.Harmony or WildfirePlatform.HarmonyPad => DeviceFlag.App,
            WildfirePlatform.Windows or WildfirePlatform.OSX or WildfirePlatform.Linux or WildfirePlatform.HarmonyPC => DeviceFlag.PC,
            WildfirePlatform.Web or WildfirePlatform.WeChatMiniProgram => DeviceFlag.Web,
            _ => null,
        };

        /// <summary>InputGetUserInfo: only userId is read by this route.</summary>
        private sealed class OnlineStatusBody
        {
            public OnlineStatusBody(string userId) => UserId = userId;

            [JsonPropertyName("userId")]
            public string UserId { get; }
        }

        /// <summary>StringPairPojo: first = the user, second = one client id, or left out for every client.</summary>
        private sealed class KickoffBody
        {
            public KickoffBody(string userId, string? clientId)
            {
                First = userId;
                Second = clientId;
            }

            [JsonPropertyName("first")]
            public string First { get; }

            [JsonPropertyName("second")]
            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
            public string? Second { get; }
        }
    }
}
