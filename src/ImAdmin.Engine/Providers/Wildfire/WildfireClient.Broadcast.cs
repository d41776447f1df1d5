using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Engine.Providers.Wildfire
{
    public sealed partial class WildfireClient : IBroadcaster
    {
        /// <summary>
        /// POST /admin/message/broadcast: one message to every user, each of whom sees a private conversation with the
        /// sender. The docs call it professional-only, yet the community server has a handler (see docs/server-behaviour/wildfire.md, 'Message operations'); a server
        /// without one answers an empty 500, reported as not supported. Never repeated after an answer that may mean
        /// "done": a broadcast has no dedupe key, and a second one would reach every user twice.
        /// </summary>
        public async Task<ImBroadcastResult> BroadcastAsync(string? from, MessageContent content, bool redDot, bool persist, CancellationToken cancellationToken)
        {
            var sender = string.IsNullOrEmpty(from) ? DefaultSender : from!;
            var body = new BroadcastBody(sender, WildfirePayload.Build(content, redDot, persist));
            var result = await CallAsync("/admin/message/broadcast", body, RetrySafety.NotProcessedOnly, cancellationToken).ConfigureAwait(false);
            return new ImBroadcastResult
            {
                Provider = Provider,
                From = sender,
                MessageId = result.GetLong("messageUid") ?? 0,
                RecipientCount = result.GetLong("count") ?? 0,
            };
        }

        private sealed class BroadcastBody
        {
            public BroadcastBody(string sender, JsonObject payload)
            {
                Sender = sender;
                Payload = payload;
            }

            [JsonPropertyName("sender")]
            public string Sender { get; }

            [JsonPropertyName("line")]
            public int Line => 0;

            [JsonPropertyName("payload")]
            public JsonObject Payload { get; }
        }
    }
}
