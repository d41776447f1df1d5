using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
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
    /// <summary>
    /// Group messages after sending: group_msg_recall by MsgSeq (10 a call, a RetCode per message) and the group's
    /// history through group_msg_get_simple (20 a call, newest first, paged by sequence, recalled messages included
    /// and marked).
    /// </summary>
    public sealed partial class TencentClient
    {
        private const int MaxRecallSeqs = 10;
        private const int MaxGroupHistoryPage = 20;
        private const string GroupRecallApi = "group_open_http_svc/group_msg_recall";
        private const string GroupHistoryApi = "group_open_http_svc/group_msg_get_simple";

        /// <summary>RetCode of a sequence the server did not recall: no such message, and (undocumented) one recalled before.</summary>
        private const int NoSuchGroupMessage = 10030;

        /// <summary>IsPlaceMsg: 1 = a hole (expired, deleted or not stored), 2 = a recalled message.</summary>
        private const int HoleMessage = 1;
        private const int RecalledMessage = 2;

        /// <summary>
        /// Recalls group messages by their MsgSeq (what Send-ImMessage -PassThru reports as MessageSequence), 10 a call.
        /// RetCode 10030 answers both "no such message" and a message recalled before (docs/server-behaviour/tencent.md,
        /// 'Messages'), so the history decides: a recalled message is success with AlreadyRevoked, as for one-to-one
        /// recalls; otherwise a failure keyed by the sequence. A repeat is therefore harmless and a lost call is retried.
        /// </summary>
        public async Task<IReadOnlyList<ItemResult<ImRevokeResult>>> RevokeGroupMessagesAsync(string groupId, IReadOnlyList<long> sequences, CancellationToken cancellationToken)
        {
            ValidGroupId(groupId);
            var results = new List<ItemResult<ImRevokeResult>>();
            foreach (var seq in sequences.Where(s => s < 1))
                results.Add(ItemResult<ImRevokeResult>.Failure(seq, new ImInputException("MessageSequence", $"-MessageSequence {seq} is not a group message sequence (they start at 1).")));
            foreach (var chunk in Chunk(sequences.Where(s => s >= 1).Distinct(), MaxRecallSeqs))
            {
                var body = new GroupRecallBody { GroupId = groupId, MsgSeqList = chunk.Select(s => new MsgSeqItem { MsgSeq = s }).ToArray() };
                var answer = await CallAsync(GroupRecallApi, body, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                var codes = answer.TryGetProperty("RecallRetList", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Where(r => r.GetLong("MsgSeq") != null).GroupBy(r => r.GetLong("MsgSeq")!.Value).ToDictionary(g => g.Key, g => g.First().GetInt("RetCode") ?? -1)
                    : new Dictionary<long, int>();
                foreach (var seq in chunk)
                {
                    if (!codes.TryGetValue(seq, out var code))
                        results.Add(ItemResult<ImRevokeResult>.Unknown(seq, new ImException(ImErrorKind.Unknown, $"Tencent Cloud IM {GroupRecallApi} returned no result for MsgSeq {seq} of group '{groupId}'; its outcome is unknown.") { Provider = ImProvider.TencentCloud }));
                    else if (code == 0 || (code == NoSuchGroupMessage && await WasRecalledAsync(groupId, seq, cancellationToken).ConfigureAwait(false)))
                        results.Add(ItemResult<ImRevokeResult>.Success(seq, new ImRevokeResult
                            { Provider = ImProvider.TencentCloud, ChannelId = groupId, ChannelType = ChannelType.Group, MessageSequence = seq, AlreadyRevoked = code != 0 }));
                    else
                        results.Add(ItemResult<ImRevokeResult>.Failure(seq, TencentResponse.ItemFailure(code, $"MsgSeq {seq} of group '{groupId}'", GroupRecallApi)));
                }
            }
            return results;
        }

        /// <summary>Whether the group's history holds <paramref name="seq"/> as a recalled message (IsPlaceMsg 2).</summary>
        private async Task<bool> WasRecalledAsync(string groupId, long seq, CancellationToken cancellationToken)
        {
            var page = await CallAsync(GroupHistoryApi, new GroupHistoryBody { GroupId = groupId, ReqMsgNumber = 1, ReqMsgSeq = seq }, RetrySafety.Idempotent, cancellationToken)
                .ConfigureAwait(false);
            return page.TryGetProperty("RspMsgList", out var list) && list.ValueKind == JsonValueKind.Array &&
                   list.EnumerateArray().Any(m => m.GetLong("MsgSeq") == seq && m.GetInt("IsPlaceMsg") == RecalledMessage);
        }

        /// <summary>
        /// A group's history, newest first, lazily: group_msg_get_simple asks for up to 20 messages at or below a
        /// sequence; the next page starts below the smallest sequence returned, until sequence 1. Recalled messages come
        /// back marked <see cref="ImMessage.Revoked"/>; holes (expired or deleted sequences) carry nothing and are skipped.
        /// </summary>
        /// <param name="groupId">The group's id.</param>
        /// <param name="pageSize">Messages per call (the route returns at most 20).</param>
        /// <param name="newest">The newest sequence to read; null for the group's newest message.</param>
        /// <param name="oldest">The oldest sequence to read; null to read back to the first message.</param>
        /// <param name="cancellationToken">Stops the paging.</param>
        public IAsyncEnumerable<ImMessage> GetGroupHistoryAsync(string groupId, int pageSize, long? newest, long? oldest, CancellationToken cancellationToken)
        {
            ValidGroupId(groupId);
            if (pageSize < 1) throw new ImInputException("PageSize", "-PageSize must be at least 1.");
            if (newest < 1) throw new ImInputException("EndSequence", "-EndSequence must be at least 1 (group message sequences start at 1).");
            return GroupPagesAsync(new GroupHistoryBody { GroupId = groupId, ReqMsgNumber = Math.Min(pageSize, MaxGroupHistoryPage), ReqMsgSeq = newest }, oldest ?? 1, cancellationToken);
        }

        private async IAsyncEnumerable<ImMessage> GroupPagesAsync(GroupHistoryBody body, long oldest, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            while (true)
            {
                var page = await CallAsync(GroupHistoryApi, body, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                var items = page.TryGetProperty("RspMsgList", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : new List<JsonElement>();
                var lowest = long.MaxValue;
                foreach (var item in items.OrderByDescending(i => i.GetLong("MsgSeq") ?? 0))
                {
                    var seq = item.GetLong("MsgSeq") ?? 0;
                    if (seq < oldest) yield break;
                    lowest = Math.Min(lowest, seq);
                    if (item.GetInt("IsPlaceMsg") == HoleMessage) continue;
                    yield return ToGroupMessage(item, body.GroupId);
                }
                // Sequences start at 1; ReqMsgSeq 0 has no documented meaning, so it is never sent.
                if (items.Count == 0 || lowest <= oldest) yield break;
                body.ReqMsgSeq = lowest - 1;
            }
        }

        private static ImMessage ToGroupMessage(JsonElement item, string groupId)
        {
            var hasBody = item.TryGetProperty("MsgBody", out var elements) && elements.ValueKind == JsonValueKind.Array;
            var extra = item.GetString("CloudCustomData");
            return new ImMessage
            {
                Provider = ImProvider.TencentCloud,
                MessageSequence = item.GetLong("MsgSeq") ?? 0,
                From = item.GetString("From_Account"),
                ChannelId = groupId,
                ChannelType = ChannelType.Group,
                Timestamp = item.GetUnixTime("MsgTimeStamp") ?? default,
                Payload = hasBody ? Encoding.UTF8.GetBytes(elements.GetRawText()) : Array.Empty<byte>(),
                Text = hasBody ? FirstText(elements) : null,
                Revoked = item.GetInt("IsPlaceMsg") == RecalledMessage,
                Extra = string.IsNullOrEmpty(extra) ? null : extra,
            };
        }
    }
}
