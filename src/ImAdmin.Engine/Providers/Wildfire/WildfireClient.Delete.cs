using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>
    /// Deleting messages and conversations on the server: professional-edition routes (a community server answers an
    /// empty HTTP 500, reported as not supported). Deleting twice changes nothing, so lost answers are retried.
    /// </summary>
    public sealed partial class WildfireClient : IMessageClearer
    {
        /// <summary>POST /admin/message/delete: removes a message for everyone.</summary>
        public async Task<ImRemovedMessage> DeleteMessageAsync(long messageId, CancellationToken cancellationToken)
        {
            await PostAsync("/admin/message/delete", new MessageActionBody(null, CheckMessageId(messageId), null), cancellationToken).ConfigureAwait(false);
            return new ImRemovedMessage { Provider = Provider, MessageId = messageId };
        }

        /// <summary>POST /admin/message/delete_multicast: removes a multicast for the given receivers.</summary>
        public async Task<ImRemovedMessage> DeleteMulticastAsync(long messageId, IReadOnlyList<string> receivers, string operatorId, CancellationToken cancellationToken)
        {
            CheckReceivers(receivers);
            await PostAsync("/admin/message/delete_multicast", new MessageActionBody(CheckOperator(operatorId), CheckMessageId(messageId), receivers), cancellationToken).ConfigureAwait(false);
            return new ImRemovedMessage { Provider = Provider, MessageId = messageId, Receiver = receivers.ToList() };
        }

        /// <summary>POST /admin/message/delete_broadcast: removes a broadcast from every user.</summary>
        public async Task<ImRemovedMessage> DeleteBroadcastAsync(long messageId, string operatorId, CancellationToken cancellationToken)
        {
            await PostAsync("/admin/message/delete_broadcast", new MessageActionBody(CheckOperator(operatorId), CheckMessageId(messageId), null), cancellationToken).ConfigureAwait(false);
            return new ImRemovedMessage { Provider = Provider, MessageId = messageId };
        }

        /// <summary>
        /// POST /admin/message/clear_by_user: deletes one user's messages in a conversation, optionally only between
        /// two times. The fields are startTime/endTime (server-sdk.js's fromTime/toTime are ignored by the server).
        /// </summary>
        public Task ClearUserMessagesAsync(string userId, string channelId, ChannelType channelType, DateTimeOffset? start, DateTimeOffset? end, CancellationToken cancellationToken)
        {
            if (start.HasValue && end.HasValue && start > end)
                throw new ImInputException("EndTime", $"-EndTime {end:u} is before -StartTime {start:u}; give the earlier time as -StartTime.");
            var body = new ClearBody(userId, Conversation(channelId, channelType), start?.ToUnixTimeMilliseconds(), end?.ToUnixTimeMilliseconds());
            return PostAsync("/admin/message/clear_by_user", body, cancellationToken);
        }

        /// <summary>POST /admin/conversation/delete: removes a conversation from one user's list.</summary>
        public Task DeleteConversationAsync(string userId, string channelId, ChannelType channelType, CancellationToken cancellationToken) =>
            PostAsync("/admin/conversation/delete", new ConversationBody(userId, Conversation(channelId, channelType)), cancellationToken);

        private static WildfireConversation Conversation(string channelId, ChannelType channelType) =>
            new WildfireConversation(WildfireConversation.TypeOf(channelType), channelId);

        private static void CheckReceivers(IReadOnlyList<string> receivers)
        {
            // The server dereferences the list unchecked (HTTP 500 with a stack trace when it is missing).
            if (receivers == null || receivers.Count == 0 || receivers.Any(string.IsNullOrEmpty))
                throw new ImInputException("Receiver", "-Receiver needs the user ids the multicast went to (at least one, none empty).");
        }

        /// <summary>An idempotent admin call whose answer carries no result.</summary>
        private async Task PostAsync(string path, object body, CancellationToken cancellationToken) =>
            await CallAsync(path, body, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);

        private class ConversationBody
        {
            public ConversationBody(string userId, WildfireConversation conversation)
            {
                UserId = userId;
                Conversation = conversation;
            }

            [JsonPropertyName("userId")]
            public string UserId { get; }

            [JsonPropertyName("conversation")]
            public WildfireConversation Conversation { get; }
        }

        private sealed class ClearBody : ConversationBody
        {
            public ClearBody(string userId, WildfireConversation conversation, long? startTime, long? endTime)
                : base(userId, conversation)
            {
                StartTime = startTime;
                EndTime = endTime;
            }

            [JsonPropertyName("startTime")]
            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
            public long? StartTime { get; }

            [JsonPropertyName("endTime")]
            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
            public long? EndTime { get; }
        }
    }
}
