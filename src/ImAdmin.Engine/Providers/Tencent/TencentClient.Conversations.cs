using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>C2C conversation state: openim/admin_set_msg_read and openim/get_c2c_unread_msg_num (see docs/server-behaviour/tencent.md, 'Conversation state').</summary>
    public sealed partial class TencentClient : IConversationReadMarker, IUnreadCountReader
    {
        /// <summary>get_c2c_unread_msg_num takes at most 10 peers per call.</summary>
        public const int MaxUnreadPeers = 10;

        private const string UnreadApi = "openim/get_c2c_unread_msg_num";

        /// <summary>
        /// admin_set_msg_read: marks <paramref name="userId"/>'s side of the C2C conversation with
        /// <paramref name="channelId"/> read up to <paramref name="before"/> (MsgReadTime), or up to now.
        /// </summary>
        public async Task<ImConversation?> ClearConversationUnreadAsync(string userId, string channelId, ChannelType channelType, DateTimeOffset? before, CancellationToken cancellationToken)
        {
            RequirePerson(channelType, "Clear-ImConversationUnread");
            var body = new SetMsgReadBody
            {
                ReportAccount = ValidAccount(userId),
                PeerAccount = ValidAccount(channelId, "ChannelId"),
                MsgReadTime = before?.ToUnixTimeSeconds(),
            };
            // Marking read twice changes nothing, so lost answers may be retried.
            await CallAsync("openim/admin_set_msg_read", body, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            return await GetConversationUnreadAsync(body.ReportAccount, body.PeerAccount, before ?? DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// get_c2c_unread_msg_num: the user's total C2C unread count when <paramref name="peers"/> is empty, else one count
        /// per peer (10 per call). Peers the server refuses (ErrorList, e.g. 70107) are failures.
        /// </summary>
        public async Task<IReadOnlyList<ItemResult<ImUnreadCount>>> GetUnreadCountsAsync(string userId, IReadOnlyCollection<string> peers, CancellationToken cancellationToken)
        {
            var user = ValidAccount(userId);
            if (peers.Count == 0)
            {
                var total = await CallAsync(UnreadApi, new UnreadBody { ToAccount = user }, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                return new[] { ItemResult<ImUnreadCount>.Success(user, new ImUnreadCount { UserId = user, UnreadCount = total.GetLong("AllC2CUnreadMsgNum") ?? 0 }) };
            }

            var counts = new List<ItemResult<ImUnreadCount>>();
            var failures = new List<ItemResult<ImUnreadCount>>();
            foreach (var chunk in Chunk(peers.Select(p => ValidAccount(p, "PeerUserId")).Distinct(StringComparer.Ordinal), MaxUnreadPeers))
            {
                var answer = await CallAsync(UnreadApi, new UnreadBody { ToAccount = user, PeerAccount = chunk }, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                if (answer.TryGetProperty("C2CUnreadMsgNumList", out var list) && list.ValueKind == JsonValueKind.Array)
                    counts.AddRange(list.EnumerateArray()
                        .Where(c => c.GetString("Peer_Account") != null)
                        .Select(c => ItemResult<ImUnreadCount>.Success(c.GetString("Peer_Account")!,
                            new ImUnreadCount { UserId = user, PeerUserId = c.GetString("Peer_Account"), UnreadCount = c.GetLong("C2CUnreadMsgNum") ?? 0 })));
                failures.AddRange(TencentResponse.ErrorList(answer, "Peer_Account")
                    .Select(e => ItemResult<ImUnreadCount>.Failure(e.Key, TencentResponse.ItemFailure(e.Code, $"peer '{e.Key}' of user '{user}'", UnreadApi))));
            }
            return counts.Concat(failures).ToList();
        }

        /// <summary>
        /// The C2C conversation as Tencent can describe it: the unread count of <paramref name="userId"/> from
        /// <paramref name="peer"/> (get_c2c_unread_msg_num) and the time it was marked read up to.
        /// </summary>
        private async Task<ImConversation> GetConversationUnreadAsync(string userId, string peer, DateTimeOffset readTime, CancellationToken cancellationToken)
        {
            var outcome = (await GetUnreadCountsAsync(userId, new[] { peer }, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
            if (outcome != null && !outcome.Succeeded) throw outcome.Error!;
            return new ImConversation
            {
                Provider = ImProvider.TencentCloud,
                UserId = userId,
                ChannelId = peer,
                ChannelType = ChannelType.Person,
                Unread = (int)(outcome?.Value?.UnreadCount ?? 0),
                ReadTime = DateTimeOffset.FromUnixTimeSeconds(readTime.ToUnixTimeSeconds()),
            };
        }

        /// <summary>ImAdmin's Tencent conversation operations are C2C only.</summary>
        private static void RequirePerson(ChannelType channelType, string capability)
        {
            if (channelType != ChannelType.Person)
                throw new Errors.ImCapabilityException(ImProvider.TencentCloud, $"{capability} on a {channelType} channel",
                    "ImAdmin handles Tencent Cloud IM one-to-one conversations (-ChannelType Person, the peer's UserID as -ChannelId).");
        }
    }

    internal sealed class SetMsgReadBody
    {
        [JsonPropertyName("Report_Account")]
        public string ReportAccount { get; set; } = string.Empty;

        [JsonPropertyName("Peer_Account")]
        public string PeerAccount { get; set; } = string.Empty;

        /// <summary>Messages up to this Unix time are marked read; null (not sent) = up to now.</summary>
        [JsonPropertyName("MsgReadTime")]
        public long? MsgReadTime { get; set; }
    }

    internal sealed class UnreadBody
    {
        [JsonPropertyName("To_Account")]
        public string ToAccount { get; set; } = string.Empty;

        [JsonPropertyName("Peer_Account")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string[]? PeerAccount { get; set; }
    }
}
