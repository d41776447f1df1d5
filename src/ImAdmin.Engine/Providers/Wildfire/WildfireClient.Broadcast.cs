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
        /// "done": a broadcast has no dedupe key, and a second one would reach every user twice. It carries push text and
        /// data, extra, a lifetime, mentions and a line; it has no toUsers (it goes to everyone), and the options no field
        /// carries are refused as for Send-ImMessage.
        /// </summary>
        public async Task<ImBroadcastResult> BroadcastAsync(string? from, MessageContent content, bool redDot, bool persist, MessageOptions options, CancellationToken cancellationToken)
        {
            CheckOptions(options);
            if (options.ToUsers.Count > 0) RefuseOptions(new[] { "ToUser" });
            var sender = string.IsNullOrEmpty(from) ? DefaultSender : from!;
            var body = new BroadcastBody(sender, options.Line ?? 0, WildfirePayload.Build(content, redDot, persist, options));
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
            public BroadcastBody(string sender, int line, JsonObject payload)
            {
                Sender = sender;
                Line = line;
                Payload = payload;
            }

            [JsonPropertyName("sender")]
            public string Sender { get; }

            [JsonPropertyName("line")]
            public int Line { get; }

            [JsonPropertyName("payload")]
            public JsonObject Payload { get; }
        }
    }
}
