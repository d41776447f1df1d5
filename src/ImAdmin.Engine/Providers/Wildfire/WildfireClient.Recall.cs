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

namespace ImAdmin.Engine.Providers.Wildfire
{
    public sealed partial class WildfireClient
    {
        /// <summary>
        /// POST /admin/message/recall (admin recall has no time limit). The result is a JSON *string* holding a compact
        /// snapshot of the original (s sender, ts time, t type, sc text); an already recalled message answers success
        /// with an empty string. Recalling twice changes nothing, so lost answers are retried.
        /// </summary>
        public async Task<ImRevokeResult> RecallAsync(long messageId, string operatorId, CancellationToken cancellationToken)
        {
            var body = new MessageActionBody(CheckOperator(operatorId), CheckMessageId(messageId), null);
            var result = await CallAsync("/admin/message/recall", body, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            var text = result.ValueKind == JsonValueKind.String ? result.GetString() : null;
            if (string.IsNullOrEmpty(text) || !ImJson.TryParse(text!, out var snapshot))
                return new ImRevokeResult { Provider = Provider, MessageId = messageId, AlreadyRevoked = true };

            var timestamp = snapshot.GetLong("ts");
            return new ImRevokeResult
            {
                Provider = Provider,
                MessageId = messageId,
                From = snapshot.GetString("s"),
                Timestamp = timestamp.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(timestamp.Value) : (DateTimeOffset?)null,
                ContentType = snapshot.GetInt("t"),
                Text = snapshot.GetString("sc"),
            };
        }

        /// <summary>
        /// POST /admin/message/recall_multicast: recalls a multicast for the given receivers.
        /// </summary>
        public async Task<ImRevokeResult> RecallMulticastAsync(long messageId, IReadOnlyList<string> receivers, string operatorId, CancellationToken cancellationToken)
        {
            CheckReceivers(receivers);
            await PostAsync("/admin/message/recall_multicast", new MessageActionBody(CheckOperator(operatorId), CheckMessageId(messageId), receivers), cancellationToken).ConfigureAwait(false);
            return new ImRevokeResult { Provider = Provider, MessageId = messageId, Receiver = receivers.ToList() };
        }

        /// <summary>POST /admin/message/recall_broadcast (professional edition): recalls a broadcast from every user.</summary>
        public async Task<ImRevokeResult> RecallBroadcastAsync(long messageId, string operatorId, CancellationToken cancellationToken)
        {
            await PostAsync("/admin/message/recall_broadcast", new MessageActionBody(CheckOperator(operatorId), CheckMessageId(messageId), null), cancellationToken).ConfigureAwait(false);
            return new ImRevokeResult { Provider = Provider, MessageId = messageId };
        }

        /// <summary>The server answers 251 for an empty operator; saying which parameter is clearer.</summary>
        private static string CheckOperator(string operatorId) =>
            string.IsNullOrEmpty(operatorId) ? throw new ImInputException("Operator", "-Operator must name a user (default: admin).") : operatorId;

        private static long CheckMessageId(long messageId) =>
            messageId > 0 ? messageId : throw new ImInputException("MessageId", $"-MessageId {messageId} is not a WildfireChat messageUid (they are positive).");
    }
}
