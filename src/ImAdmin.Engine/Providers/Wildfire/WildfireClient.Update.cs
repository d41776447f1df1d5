using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Wildfire
{
    public sealed partial class WildfireClient
    {
        /// <summary>
        /// POST /admin/message/update (professional edition): replaces a message's payload. Text is stored and counted
        /// like a send (persistFlag 3) unless the payload says otherwise. With distribute=1 clients are told, so a lost
        /// answer is not repeated (they would be told twice); a server-side-only update (distribute=0) is retried.
        /// </summary>
        public async Task<ImUpdatedMessage> UpdateMessageAsync(long messageId, MessageContent content, bool distribute, string operatorId, CancellationToken cancellationToken)
        {
            var payload = WildfirePayload.Build(content, redDot: true, persist: true);
            var body = new UpdateBody(CheckOperator(operatorId), CheckMessageId(messageId), payload, distribute ? 1 : 0);
            var safety = distribute ? RetrySafety.NotProcessedOnly : RetrySafety.Idempotent;
            await CallAsync("/admin/message/update", body, safety, cancellationToken).ConfigureAwait(false);
            return new ImUpdatedMessage
            {
                Provider = Provider,
                MessageId = messageId,
                Text = content.IsText ? content.Text : null,
                Payload = Encoding.UTF8.GetBytes(payload.ToJsonString()),
                Distributed = distribute,
            };
        }

        private sealed class UpdateBody
        {
            public UpdateBody(string operatorId, long messageUid, JsonObject payload, int distribute)
            {
                Operator = operatorId;
                MessageUid = messageUid;
                Payload = payload;
                Distribute = distribute;
            }

            [JsonPropertyName("operator")]
            public string Operator { get; }

            [JsonPropertyName("messageUid")]
            public long MessageUid { get; }

            [JsonPropertyName("payload")]
            public JsonObject Payload { get; }

            [JsonPropertyName("distribute")]
            public int Distribute { get; }

            /// <summary>Undocumented; both official SDKs always send 0.</summary>
            [JsonPropertyName("updateTimestamp")]
            public int UpdateTimestamp => 0;
        }
    }
}
