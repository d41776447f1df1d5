using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Providers.WuKongIM;

namespace ImAdmin.Engine.Providers.Wildfire
{
    public sealed partial class WildfireClient
    {
        /// <summary>
        /// POST /admin/message/get_one per id (the server's only message read). The server needs no channel, but the
        /// cmdlet reads "message X of channel C", so a message of another conversation counts as not found. A person
        /// conversation matches from either side (sender or target), and also the user given as -UserId.
        /// </summary>
        public async Task<IReadOnlyList<ItemResult<ImMessage>>> GetMessagesByIdAsync(string channelId, ChannelType channelType, string? userId,
            IReadOnlyList<long> messageIds, CancellationToken cancellationToken)
        {
            var type = WildfireConversation.TypeOf(channelType);
            foreach (var id in messageIds) CheckMessageId(id);
            var lookups = new List<ItemResult<ImMessage>>();
            foreach (var id in messageIds)
            {
                try
                {
                    var result = await CallAsync("/admin/message/get_one", new { messageUid = id }, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                    lookups.Add(Belongs(result, type, channelId, userId)
                        ? ItemResult<ImMessage>.Success(id, ToMessage(result, channelType))
                        : ItemResult<ImMessage>.Failure(id, new ImException(ImErrorKind.NotFound, $"Message id {id} is not in {channelType} conversation '{channelId}'.") { Provider = Provider }));
                }
                catch (ImException ex) when (ex.Kind == ImErrorKind.NotFound)
                {
                    lookups.Add(ItemResult<ImMessage>.Failure(id, ex));
                }
            }
            return lookups;
        }

        private static bool Belongs(JsonElement output, int type, string channelId, string? userId)
        {
            var conv = output.TryGetProperty("conv", out var c) ? c : default;
            if (conv.GetInt("type") != type) return false;
            var target = conv.GetString("target");
            if (type != 0) return target == channelId;
            var sides = new[] { output.GetString("sender"), target };
            return sides.Contains(channelId) && (userId == null || sides.Contains(userId));
        }

        /// <summary>
        /// OutputMessageData of a message in a <paramref name="channelType"/> conversation as an ImMessage: text from
        /// searchableContent (type 1), the payload as its JSON bytes.
        /// </summary>
        private ImMessage ToMessage(JsonElement output, ChannelType channelType)
        {
            var conv = output.TryGetProperty("conv", out var c) ? c : default;
            var payload = output.TryGetProperty("payload", out var p) ? p : default;
            var timestamp = output.GetLong("timestamp");
            return new ImMessage
            {
                Provider = Provider,
                MessageId = output.GetLong("messageId") ?? 0,
                From = output.GetString("sender"),
                ChannelId = conv.GetString("target") ?? string.Empty,
                ChannelType = channelType,
                Timestamp = timestamp.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(timestamp.Value) : default,
                Payload = payload.ValueKind == JsonValueKind.Object ? Encoding.UTF8.GetBytes(payload.GetRawText()) : Array.Empty<byte>(),
                Text = payload.GetInt("type") == WildfirePayload.TextType ? payload.GetString("searchableContent") : null,
            };
        }
    }
}
