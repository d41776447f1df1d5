using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>Sending (see docs/server-behaviour/wukongim.md, 'Sending'): one message per /message/send, or one person message per uid per /message/sendbatch.</summary>
    public sealed partial class WuKongClient
    {
        /// <summary>
        /// Recipients per /message/sendbatch call. The server has no limit but handles the list synchronously, so lists
        /// are cut client-side. 100, not the contract's "about 1000": a lost answer leaves every recipient of its call
        /// unknown (sendbatch has no idempotency key), and rows wait for their batch, so with 1,000 most rows of a long
        /// run outlive a garbage collection and are promoted (1,000,000 rows: peak 141 MiB at 1,000, 130 MiB at 100; no
        /// loss of speed measured on loopback, docs/benchmarks.md). -ThrottleLimit (8 by default) keeps several in flight.
        /// </summary>
        public const int SendBatchSize = 100;

        private const string SendPath = "/message/send";
        private const string SendBatchPath = "/message/sendbatch";

        private static readonly char[] PathCharacters = { '/', '?' };

        /// <summary>
        /// Only person messages with a sender and no caller-chosen client_msg_no can share a call: sendbatch is
        /// person-only, needs from_uid, and makes its own client_msg_no per recipient.
        /// </summary>
        public override int GetBatchLimit(SendRequest request) =>
            request.ChannelType == ChannelType.Person && !string.IsNullOrEmpty(request.From) && request.ClientMsgNo == null ? SendBatchSize : 1;

        public override async Task<IReadOnlyList<ItemResult<ImSendResult>>> SendAsync(IReadOnlyList<SendRequest> batch, CancellationToken cancellationToken)
        {
            if (batch.Count > SendBatchSize)
                throw new ArgumentException($"A WuKongIM batch holds at most {SendBatchSize} recipients.", nameof(batch));
            return batch.Count switch
            {
                0 => Array.Empty<ItemResult<ImSendResult>>(),
                // A lone row goes through /message/send: it returns a message id and is safe to retry.
                1 => new[] { await SendOneAsync(batch[0], cancellationToken).ConfigureAwait(false) },
                _ => await SendBatchAsync(batch, cancellationToken).ConfigureAwait(false),
            };
        }

        /// <summary>
        /// Always carries a client_msg_no (the caller's or a fresh one) so a send whose answer was lost can be looked up.
        /// The server does not deduplicate on it, so the send is never repeated once it may have been processed; such an
        /// outcome is settled by lookup (WuKongClient.Settle.cs). The answer is enveloped in {status,data}.
        /// </summary>
        private async Task<ItemResult<ImSendResult>> SendOneAsync(SendRequest request, CancellationToken ct)
        {
            var body = new WuKongSendBody
            {
                Header = HeaderOf(request),
                FromUid = string.IsNullOrEmpty(request.From) ? null : request.From,
                ChannelId = request.ChannelId,
                ChannelType = WuKongChannels.TypeOf(request.ChannelType),
                ClientMsgNo = request.ClientMsgNo ?? Guid.NewGuid().ToString("N"),
                Payload = WuKongPayload.Encode(request.Content),
            };
            JsonElement answer;
            try
            {
                answer = await PostJsonAsync(SendPath, body, ct, RetrySafety.NotProcessedOnly).ConfigureAwait(false);
            }
            catch (ImException ex) when (ex.OutcomeUnknown)
            {
                return await SettleAsync(request, body, ex, ct).ConfigureAwait(false);
            }
            catch (ImException ex) when (ex.HttpStatus == 404 && request.ChannelId.IndexOfAny(PathCharacters) >= 0)
            {
                // /message/send exists (other rows get through); what failed is this row's id.
                throw WuKongResponse.Restate(ex, ImErrorKind.NotFound,
                    $"WuKongIM answered HTTP 404 to the send to channel '{request.ChannelId}', so it was not sent. The id contains '/' or '?', " +
                    "which a proxy or router in front of the server can read as part of the path. Use an id without them.", "ChannelId");
            }
            // An empty answer is a lost one: looked up by client_msg_no like any other.
            if (answer.ValueKind != JsonValueKind.Object) return await SettleAsync(request, body, WuKongResponse.NoAnswer("POST " + SendPath), ct).ConfigureAwait(false);
            var data = WuKongResponse.Data<WuKongSendData>(answer);
            return Sent(request, data?.MessageId, data?.ClientMsgNo ?? body.ClientMsgNo);
        }

        /// <summary>
        /// Rows share sender, content and flags (the batcher's grouping). No idempotency key exists, so the call is never
        /// repeated once it may have been processed. fail_uids and reason are aligned by index.
        /// </summary>
        private async Task<IReadOnlyList<ItemResult<ImSendResult>>> SendBatchAsync(IReadOnlyList<SendRequest> batch, CancellationToken ct)
        {
            var first = batch[0];
            var body = new WuKongSendBatchBody
            {
                Header = HeaderOf(first),
                FromUid = first.From!,
                Subscribers = batch.Select(r => r.ChannelId).ToList(),
                Payload = WuKongPayload.Encode(first.Content),
            };
            var answer = await PostJsonAsync(SendBatchPath, body, ct, RetrySafety.NotProcessedOnly).ConfigureAwait(false);
            // Without {fail_uids, reason} nothing says which rows were sent: all are unknown, none succeeded.
            if (answer.ValueKind != JsonValueKind.Object) throw WuKongResponse.NoAnswer("POST " + SendBatchPath);
            var result = answer.Deserialize<WuKongSendBatchResult>(Json.ImJson.Options) ?? new WuKongSendBatchResult();

            var failures = new Dictionary<string, string>(StringComparer.Ordinal);
            var failUids = result.FailUids ?? new List<string>();
            for (var i = 0; i < failUids.Count; i++)
            {
                if (failures.ContainsKey(failUids[i])) continue;
                failures[failUids[i]] = result.Reason != null && i < result.Reason.Count ? result.Reason[i] : "failed (the server gave no reason)";
            }

            return batch.Select(r =>
            {
                if (!failures.TryGetValue(r.ChannelId, out var reason)) return Sent(r, null, null);
                return ItemResult<ImSendResult>.Failure(r, new ImException(ImErrorKind.ServerError, $"WuKongIM did not send to '{r.ChannelId}': {reason}")
                {
                    Provider = ImProvider.WuKongIM,
                    ServerMessage = reason,
                    Request = "POST " + SendBatchPath,
                });
            }).ToList();
        }

        private static WuKongHeaderDto HeaderOf(SendRequest request) => new WuKongHeaderDto
        {
            NoPersist = request.Persist ? 0 : 1,
            RedDot = request.RedDot ? 1 : 0,
            SyncOnce = 0,
        };

        /// <summary><paramref name="clientMsgNo"/>: the one the server stored (a lone send always carries one), null for sendbatch rows.</summary>
        private static ItemResult<ImSendResult> Sent(SendRequest request, long? messageId, string? clientMsgNo)
        {
            var result = request.ToResult(ImProvider.WuKongIM, succeeded: true);
            result.MessageId = messageId;
            result.ClientMsgNo = clientMsgNo;
            return ItemResult<ImSendResult>.Success(request, result);
        }
    }
}
