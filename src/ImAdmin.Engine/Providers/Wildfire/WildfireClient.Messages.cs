using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Engine.Providers.Wildfire
{
    public sealed partial class WildfireClient
    {
        /// <summary>
        /// Recipients per /admin/message/multicast call. The server documents no cap; what bounds a call is its 100 MiB
        /// body and the IM core's 5 s limit (code 249, outcome unknown, and a send is never repeated). A thousand ids
        /// are a few tens of KiB and stay far inside both, while 10,000 rows still take only ten calls.
        /// </summary>
        public const int MulticastBatchSize = 1000;

        /// <summary>
        /// Sender when -From is not given: every WildfireChat server creates the user <c>admin</c> ("系统管理员") in its
        /// first database migration, and the server API requires a non-empty sender.
        /// </summary>
        public const string DefaultSender = Senders.Admin;

        /// <summary>
        /// Person rows with the same sender and content share one multicast call; every other row is sent alone,
        /// and so is a row with -ClientMsgNo (the batcher keeps those apart).
        /// </summary>
        public override int GetBatchLimit(SendRequest request) =>
            request.ChannelType == ChannelType.Person && request.ClientMsgNo == null ? MulticastBatchSize : 1;

        /// <summary>
        /// The payload has fields for push text and data, mentions, extra and a lifetime, and send has toUsers and a
        /// line; nothing carries a push title, "skip callbacks", "do not sync to the sender" or a read-receipt request.
        /// </summary>
        public override void CheckOptions(MessageOptions options)
        {
            RefuseOptions(new[]
            {
                (nameof(MessageOptions.PushTitle), options.PushTitle != null),
                (nameof(MessageOptions.NoSyncToSender), options.NoSyncToSender),
                (nameof(MessageOptions.SkipCallback), options.SkipCallback),
                (nameof(MessageOptions.RequestReadReceipt), options.RequestReadReceipt),
            }.Where(o => o.Item2).Select(o => o.Item1));
            if (options.MentionAll && options.Mention.Count > 0)
                throw new ImInputException("Mention", "Give -Mention (these users) or -MentionAll (everyone), not both: WildfireChat's mentionedType is one or the other.");
            if (options.Line < 0) throw new ImInputException("Line", "-Line must be 0 or more.");
            if (options.Lifetime != null) WildfirePayload.ExpireSeconds(options.Lifetime.Value);
        }

        /// <summary>
        /// One row goes through /admin/message/send; several Person rows through /admin/message/multicast, which answers
        /// one messageUid for all of them (each recipient sees a private conversation with the sender). Neither has a
        /// dedupe key, so neither is repeated after an answer that may mean "done" (only code 250 and refused connections).
        /// A row the server refuses (missing target, bad parameter, no right) is a failed result; anything that fails
        /// the call itself (auth, throttling, timeout, edition) throws.
        /// </summary>
        public override async Task<IReadOnlyList<ItemResult<ImSendResult>>> SendAsync(IReadOnlyList<SendRequest> batch, CancellationToken cancellationToken)
        {
            if (batch.Count == 0) return Array.Empty<ItemResult<ImSendResult>>();
            var first = batch[0];
            var sender = string.IsNullOrEmpty(first.From) ? DefaultSender : first.From!;
            if (batch.Any(r => r.ClientMsgNo != null))
                ImLog.Verbose("WildfireChat has no client message number: -ClientMsgNo is kept on the result but not sent to the server.");
            var payload = WildfirePayload.Build(first);
            if (batch.Count == 1) return new[] { await SendOneAsync(first, sender, payload, cancellationToken).ConfigureAwait(false) };

            if (batch.Any(r => r.ChannelType != ChannelType.Person))
                throw new ArgumentException("Only Person rows can share a multicast call.", nameof(batch));
            var body = new MulticastBody(sender, batch.Select(r => r.ChannelId).ToList(), first.Options.Line ?? 0, payload);
            var result = await CallAsync("/admin/message/multicast", body, RetrySafety.NotProcessedOnly, cancellationToken).ConfigureAwait(false);
            return batch.Select(r => ItemResult<ImSendResult>.Success(r, Sent(r, sender, result))).ToList();
        }

        private async Task<ItemResult<ImSendResult>> SendOneAsync(SendRequest request, string sender, JsonObject payload, CancellationToken cancellationToken)
        {
            var conversation = new WildfireConversation(WildfireConversation.TypeOf(request.ChannelType), request.ChannelId, request.Options.Line ?? 0);
            var body = new SendBody(sender, conversation, payload, request.Options.ToUsers);
            try
            {
                if (request.Options.ToUsers.Count > 0 && request.ChannelType == ChannelType.Person)
                    throw new ImInputException("ToUser", "-ToUser picks members of a Group, ChatRoom or Broadcast conversation; a Person message has one recipient already.");
                var result = await CallAsync("/admin/message/send", body, RetrySafety.NotProcessedOnly, cancellationToken).ConfigureAwait(false);
                return ItemResult<ImSendResult>.Success(request, Sent(request, sender, result));
            }
            catch (ImException ex) when (ex is ImInputException || IsAboutTheRow(ex))
            {
                return ItemResult<ImSendResult>.Of(request, ex);
            }
        }

        private static bool IsAboutTheRow(ImException ex) =>
            ex.Kind == ImErrorKind.NotFound || ex.Kind == ImErrorKind.InvalidArgument ||
            ex.Kind == ImErrorKind.PermissionDenied || ex.Kind == ImErrorKind.InvalidState;

        private ImSendResult Sent(SendRequest request, string sender, JsonElement result)
        {
            var timestamp = result.GetLong("timestamp");
            var sent = request.ToResult(Provider, succeeded: true);
            sent.From = sender;
            sent.MessageId = result.GetLong("messageUid");
            sent.Timestamp = timestamp.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(timestamp.Value) : (DateTimeOffset?)null;
            return sent;
        }

        private sealed class SendBody
        {
            public SendBody(string sender, WildfireConversation conv, JsonObject payload, IReadOnlyList<string> toUsers)
            {
                Sender = sender;
                Conv = conv;
                Payload = payload;
                ToUsers = toUsers.Count == 0 ? null : toUsers;
            }

            [JsonPropertyName("sender")]
            public string Sender { get; }

            [JsonPropertyName("conv")]
            public WildfireConversation Conv { get; }

            [JsonPropertyName("payload")]
            public JsonObject Payload { get; }

            /// <summary>In a group, chatroom or channel: only these members get (and store) the message.</summary>
            [JsonPropertyName("toUsers")]
            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
            public IReadOnlyList<string>? ToUsers { get; }
        }

        private sealed class MulticastBody
        {
            public MulticastBody(string sender, IReadOnlyList<string> targets, int line, JsonObject payload)
            {
                Sender = sender;
                Targets = targets;
                Line = line;
                Payload = payload;
            }

            [JsonPropertyName("sender")]
            public string Sender { get; }

            [JsonPropertyName("targets")]
            public IReadOnlyList<string> Targets { get; }

            [JsonPropertyName("line")]
            public int Line { get; }

            [JsonPropertyName("payload")]
            public JsonObject Payload { get; }
        }
    }
}
