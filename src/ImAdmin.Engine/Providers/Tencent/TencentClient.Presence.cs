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
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>Presence: openim/query_online_status and im_open_login_svc/kick (see docs/server-behaviour/tencent.md, 'Accounts, presence and groups').</summary>
    public sealed partial class TencentClient : IOnlineStatusReader, IDeviceLogout
    {
        /// <summary>query_online_status takes at most 500 accounts per call.</summary>
        private const int MaxStatusAccounts = 500;

        private const string OnlineStatusApi = "openim/query_online_status";

        /// <summary>
        /// One answer per user: Status Online, PushOnline or Offline (read from <c>Status</c>, or the legacy <c>State</c>)
        /// with the platforms of the detail. Accounts the server refuses (ErrorList, e.g. 70107) are failures.
        /// </summary>
        public async Task<IReadOnlyList<ItemResult<ImOnlineStatus>>> GetOnlineStatusesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
        {
            var statuses = new List<ItemResult<ImOnlineStatus>>();
            var failures = new List<ItemResult<ImOnlineStatus>>();
            foreach (var chunk in Chunk(userIds.Select(ValidAccount).Distinct(StringComparer.Ordinal), MaxStatusAccounts))
            {
                var answer = await CallAsync(OnlineStatusApi, new OnlineStatusBody { ToAccount = chunk }, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                if (answer.TryGetProperty("QueryResult", out var results) && results.ValueKind == JsonValueKind.Array)
                    statuses.AddRange(results.EnumerateArray().Select(ToStatus).Where(s => s.UserId.Length > 0).Select(s => ItemResult<ImOnlineStatus>.Success(s.UserId, s)));
                failures.AddRange(TencentResponse.ErrorList(answer, "To_Account")
                    .Select(e => ItemResult<ImOnlineStatus>.Failure(e.Key, TencentResponse.ItemFailure(e.Code, $"user '{e.Key}'", OnlineStatusApi))));
            }
            return statuses.Concat(failures).ToList();
        }

        /// <summary>
        /// im_open_login_svc/kick: invalidates the user's login on every device (Tencent has no per-device logout), so
        /// only All (or no flag) is accepted.
        /// </summary>
        public async Task LogOutDevicesAsync(string userId, DeviceFlag? deviceFlag, CancellationToken cancellationToken)
        {
            CheckDeviceFlag(deviceFlag);
            var body = new AccountItem { UserId = ValidAccount(userId) };
            // Kicking twice is harmless, so lost answers may be retried.
            await CallAsync("im_open_login_svc/kick", body, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
        }

        public void CheckDeviceFlag(DeviceFlag? deviceFlag)
        {
            if (deviceFlag.HasValue && deviceFlag != DeviceFlag.All)
                throw new ImInputException("DeviceFlag",
                    $"Tencent Cloud IM logs a user out of every device at once: omit -DeviceFlag or pass All (not {deviceFlag}).");
        }

        private static ImOnlineStatus ToStatus(JsonElement result)
        {
            var status = StatusOf(result) ?? "Offline";
            var platforms = result.TryGetProperty("Detail", out var detail) && detail.ValueKind == JsonValueKind.Array
                ? detail.EnumerateArray().Select(d => d.GetString("Platform")).Where(p => p != null).Select(p => p!).ToArray()
                : Array.Empty<string>();
            return new ImOnlineStatus
            {
                UserId = result.GetString("To_Account") ?? string.Empty,
                Status = status,
                Online = status == "Online",
                Platforms = platforms,
                ConnectionCount = platforms.Length,
            };
        }

        /// <summary>New docs spell the field Status, old ones (querystate) State.</summary>
        private static string? StatusOf(JsonElement item) => item.GetString("Status") ?? item.GetString("State");
    }

    internal sealed class OnlineStatusBody
    {
        [JsonPropertyName("To_Account")]
        public string[] ToAccount { get; set; } = Array.Empty<string>();

        /// <summary>1 = list the platforms each user is logged in on.</summary>
        [JsonPropertyName("IsNeedDetail")]
        public int IsNeedDetail { get; set; } = 1;
    }
}
