using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>
    /// Read and delivery times (conv_read, delivery): professional-edition or newer routes with no community handler,
    /// so a community server answers an empty HTTP 500, reported as not supported. Both answer {timestamp} in ms.
    /// </summary>
    public sealed partial class WildfireClient : IReadReceiptReader, IDeliveryStatusReader
    {
        /// <summary>POST /admin/message/conv_read: when <paramref name="userId"/> last read the conversation.</summary>
        public async Task<ImReadReceipt> GetReadReceiptAsync(string userId, string channelId, ChannelType channelType, CancellationToken cancellationToken)
        {
            var body = new ConvReadBody(userId, WildfireConversation.TypeOf(channelType), channelId);
            var result = await CallAsync("/admin/message/conv_read", body, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            return new ImReadReceipt { Provider = Provider, UserId = userId, ChannelId = channelId, ChannelType = channelType, ReadUntil = TimeOf(result) };
        }

        /// <summary>POST /admin/message/delivery: up to when messages have reached <paramref name="userId"/>.</summary>
        public async Task<ImDeliveryStatus> GetDeliveryStatusAsync(string userId, CancellationToken cancellationToken)
        {
            var result = await CallAsync("/admin/message/delivery", new { userId }, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            return new ImDeliveryStatus { Provider = Provider, UserId = userId, DeliveredUntil = TimeOf(result) };
        }

        /// <summary>The result's timestamp; 0 (or none) means nothing read or delivered yet.</summary>
        private static DateTimeOffset? TimeOf(JsonElement result) =>
            result.GetLong("timestamp") is long ms && ms > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;

        private sealed class ConvReadBody
        {
            public ConvReadBody(string userId, int conversationType, string target)
            {
                UserId = userId;
                ConversationType = conversationType;
                Target = target;
            }

            [JsonPropertyName("userId")]
            public string UserId { get; }

            /// <summary>The Java POJO's name; the docs call it <c>type</c>, so both are sent (Gson ignores the unknown one).</summary>
            [JsonPropertyName("conversationType")]
            public int ConversationType { get; }

            [JsonPropertyName("type")]
            public int Type => ConversationType;

            [JsonPropertyName("target")]
            public string Target { get; }

            [JsonPropertyName("line")]
            public int Line => 0;
        }
    }
}
