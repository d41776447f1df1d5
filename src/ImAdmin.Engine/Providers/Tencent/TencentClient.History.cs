using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>
    /// A C2C conversation's roaming history through openim/admin_getroammsg (see docs/server-behaviour/tencent.md, 'History'), newest first, one page per
    /// call, lazily. A page ends at MaxCnt messages or about 13 KB (Complete 0); the next call keeps MinTime and sends
    /// MaxTime = LastMsgTime and LastMsgKey, until Complete is 1.
    /// </summary>
    public sealed partial class TencentClient
    {
        private const string RoamApi = "openim/admin_getroammsg";

        public IAsyncEnumerable<ImMessage> GetHistoryAsync(TencentHistoryQuery query, CancellationToken cancellationToken)
        {
            // Checked before the first MoveNext, so bad input fails at once and names its parameter.
            var body = new RoamMsgBody
            {
                OperatorAccount = ValidAccount(query.UserId),
                PeerAccount = ValidAccount(query.PeerUserId, "ChannelId"),
                MaxCnt = query.PageSize > 0 ? query.PageSize : throw new ImInputException("PageSize", "-PageSize must be at least 1."),
                MinTime = query.StartTime.ToUnixTimeSeconds(),
                MaxTime = query.EndTime.ToUnixTimeSeconds(),
            };
            if (body.MinTime > body.MaxTime)
                throw new ImInputException("StartTime", $"-StartTime ({query.StartTime:u}) is after -EndTime ({query.EndTime:u}); give the older time as -StartTime.");
            return PagesAsync(body, cancellationToken);
        }

        private async IAsyncEnumerable<ImMessage> PagesAsync(RoamMsgBody body, [EnumeratorCancellation] CancellationToken ct)
        {
            // Page boundaries may repeat a message (same second), so keys already written are skipped.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (true)
            {
                var page = await CallAsync(RoamApi, body, RetrySafety.Idempotent, ct).ConfigureAwait(false);
                if (page.TryGetProperty("MsgList", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var message in list.EnumerateArray().Select(m => ToMessage(m, body.OperatorAccount, body.PeerAccount)).OrderByDescending(m => m.Timestamp))
                        if (message.MessageKey == null || seen.Add(message.MessageKey)) yield return message;
                }
                if (page.GetInt("Complete") == 1) yield break;

                var lastKey = page.GetString("LastMsgKey");
                var lastTime = page.GetLong("LastMsgTime");
                if (lastKey == null || lastTime == null || lastKey == body.LastMsgKey)
                {
                    // The server said "more" but gave no new position: asking again would loop.
                    ImLog.Warning($"TencentCloud {RoamApi} reported more messages (Complete 0) without a new LastMsgKey; the history of " +
                                  $"'{body.OperatorAccount}' with '{body.PeerAccount}' stops at {DateTimeOffset.FromUnixTimeSeconds(lastTime ?? body.MaxTime):u}.");
                    yield break;
                }
                body.LastMsgKey = lastKey;
                body.MaxTime = lastTime.Value;
            }
        }

        /// <summary>MsgFlagBits of a recalled message.</summary>
        private const int RecalledFlag = 8;

        /// <summary>
        /// A MsgList item; the payload is the raw MsgBody JSON, the text that of its first TIMTextElem. A recalled message
        /// is told by MsgFlagBits 8, never by an empty body. From is the sender and ChannelId the recipient (To_Account;
        /// without it, the side of the pair that did not send), so a message the peer sent reads peer -> operator, and
        /// the rows pipe into Import-ImMessage the right way round.
        /// </summary>
        private static ImMessage ToMessage(JsonElement item, string operatorAccount, string peer)
        {
            var from = item.GetString("From_Account");
            var hasBody = item.TryGetProperty("MsgBody", out var elements) && elements.ValueKind == JsonValueKind.Array;
            return new ImMessage
            {
                Revoked = ((item.GetLong("MsgFlagBits") ?? 0) & RecalledFlag) != 0,
                IsPeerRead = item.GetInt("IsPeerRead") is int read ? read == 1 : (bool?)null,
                Extra = string.IsNullOrEmpty(item.GetString("CloudCustomData")) ? null : item.GetString("CloudCustomData"),
                Provider = ImProvider.TencentCloud,
                MessageKey = item.GetString("MsgKey"),
                MessageSequence = item.GetLong("MsgSeq") ?? 0,
                From = from,
                ChannelId = item.GetString("To_Account") ?? (from == peer ? operatorAccount : peer),
                ChannelType = ChannelType.Person,
                Timestamp = item.GetUnixTime("MsgTimeStamp") ?? default,
                Payload = hasBody ? Encoding.UTF8.GetBytes(elements.GetRawText()) : Array.Empty<byte>(),
                Text = hasBody ? FirstText(elements) : null,
            };
        }

        private static string? FirstText(JsonElement elements) => elements.EnumerateArray()
            .Where(e => e.GetString("MsgType") == "TIMTextElem" && e.TryGetProperty("MsgContent", out _))
            .Select(e => e.GetProperty("MsgContent").GetString("Text"))
            .FirstOrDefault(t => t != null);
    }

    internal sealed class RoamMsgBody
    {
        [JsonPropertyName("Operator_Account")]
        public string OperatorAccount { get; set; } = string.Empty;

        [JsonPropertyName("Peer_Account")]
        public string PeerAccount { get; set; } = string.Empty;

        [JsonPropertyName("MaxCnt")]
        public int MaxCnt { get; set; }

        [JsonPropertyName("MinTime")]
        public long MinTime { get; set; }

        [JsonPropertyName("MaxTime")]
        public long MaxTime { get; set; }

        /// <summary>Null on the first call (not sent); the previous page's LastMsgKey afterwards.</summary>
        [JsonPropertyName("LastMsgKey")]
        public string? LastMsgKey { get; set; }
    }
}
