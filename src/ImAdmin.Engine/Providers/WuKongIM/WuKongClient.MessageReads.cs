using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>
    /// Messages by id or client_msg_no and a channel's newest sequence (see docs/server-behaviour/wukongim.md, 'Message reads'). Every read names the
    /// channel (and, for person channels, the viewing user): the server refuses id-only lookups, unlike the SDK assumes.
    /// </summary>
    public sealed partial class WuKongClient
    {
        /// <summary>Ids per /messages call: each id is one server lookup, so batches stay modest.</summary>
        public const int LookupBatchSize = 100;

        /// <summary>
        /// One id goes to POST /message (not found = 200 {"status":404}); several to POST /messages (misses skipped).
        /// Either way a message from another channel counts as not found, since /message ignores the channel it is given.
        /// </summary>
        public async Task<IReadOnlyList<ItemResult<ImMessage>>> GetMessagesByIdAsync(string channelId, ChannelType channelType, string? userId,
            IReadOnlyList<long> messageIds, CancellationToken cancellationToken)
        {
            var type = WuKongChannels.TypeOf(channelType);
            var viewer = WuKongChannels.Viewer(channelType, channelId, userId);
            foreach (var id in messageIds.Where(id => id <= 0))
                throw new ImInputException("MessageId", $"Message id {id} is not valid: WuKongIM ids are positive (and /messages answers an id <= 0 with the channel's newest message).");

            var found = new Dictionary<long, ImMessage>();
            if (messageIds.Count == 1)
            {
                var body = new WuKongGetMessageBody { ChannelId = channelId, ChannelType = type, LoginUid = viewer, MessageId = messageIds[0] };
                var message = await FindOneAsync(() => PostJsonAsync("/message", body, cancellationToken)).ConfigureAwait(false);
                if (message != null) found[message.MessageId] = message;
            }
            else
            {
                foreach (var chunk in InChunks(messageIds.Distinct().ToList(), LookupBatchSize))
                {
                    var body = new WuKongGetMessagesBody { ChannelId = channelId, ChannelType = type, LoginUid = viewer, MessageIds = chunk };
                    foreach (var message in await ListAsync(body, cancellationToken).ConfigureAwait(false)) found[message.MessageId] = message;
                }
            }
            return messageIds.Select(id => Lookup(id, found.TryGetValue(id, out var m) ? m : null, channelId, channelType, viewer, "Message id " + id)).ToList();
        }

        /// <summary>
        /// One client_msg_no goes to GET /message/byclientmsgno (person channels by their internal a@b id); several to
        /// POST /messages. POST /message is not used: its client_msg_no lookup never matches on v2.2.5.
        /// </summary>
        public async Task<IReadOnlyList<ItemResult<ImMessage>>> GetMessagesByClientMsgNoAsync(string channelId, ChannelType channelType, string? userId,
            IReadOnlyList<string> clientMsgNos, CancellationToken cancellationToken)
        {
            var type = WuKongChannels.TypeOf(channelType);
            var viewer = WuKongChannels.Viewer(channelType, channelId, userId);
            var found = new Dictionary<string, ImMessage>(StringComparer.Ordinal);
            if (clientMsgNos.Count == 1)
            {
                var storedId = viewer == null ? channelId : WuKongChannels.PersonChannelId(viewer, channelId);
                var path = "/message/byclientmsgno?channel_id=" + Uri.EscapeDataString(storedId) + "&channel_type=" + type +
                           "&client_msg_no=" + Uri.EscapeDataString(clientMsgNos[0]);
                var message = await FindOneAsync(() => GetJsonAsync(path, cancellationToken)).ConfigureAwait(false);
                if (message?.ClientMsgNo != null) found[message.ClientMsgNo] = message;
            }
            else
            {
                foreach (var chunk in InChunks(clientMsgNos.Distinct().ToList(), LookupBatchSize))
                {
                    var body = new WuKongGetMessagesBody { ChannelId = channelId, ChannelType = type, LoginUid = viewer, ClientMsgNos = chunk };
                    foreach (var message in await ListAsync(body, cancellationToken).ConfigureAwait(false))
                        if (message.ClientMsgNo != null && !found.ContainsKey(message.ClientMsgNo)) found[message.ClientMsgNo] = message;
                }
            }
            return clientMsgNos.Select(no => Lookup(no, found.TryGetValue(no, out var m) ? m : null, channelId, channelType, viewer, $"client_msg_no '{no}'")).ToList();
        }

        /// <summary>GET /channel/max_message_seq: only {"message_seq"} comes back; person channels need the viewing user (or an a@b id).</summary>
        public async Task<ImMessageSequence> GetMessageSequenceAsync(string channelId, ChannelType channelType, string? userId, CancellationToken cancellationToken)
        {
            var type = WuKongChannels.TypeOf(channelType);
            var viewer = channelId.IndexOf('@') >= 0 ? null : WuKongChannels.Viewer(channelType, channelId, userId);
            var path = "/channel/max_message_seq?channel_id=" + Uri.EscapeDataString(channelId) + "&channel_type=" + type +
                       (viewer == null ? string.Empty : "&login_uid=" + Uri.EscapeDataString(viewer));
            var json = await GetJsonAsync(path, cancellationToken).ConfigureAwait(false);
            return new ImMessageSequence
            {
                Provider = ImProvider.WuKongIM,
                ChannelId = channelId,
                ChannelType = channelType,
                UserId = userId,
                MessageSequence = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("message_seq", out var seq) && seq.TryGetInt64(out var n) ? n : 0,
            };
        }

        private async Task<IReadOnlyList<ImMessage>> ListAsync(WuKongGetMessagesBody body, CancellationToken ct)
        {
            var json = await PostJsonAsync("/messages", body, ct).ConfigureAwait(false);
            var list = json.Deserialize<WuKongMessageList>(ImJson.Options);
            return (list?.Messages ?? new List<WuKongMessageDto>()).Select(m => m.ToModel()).ToList();
        }

        private static ItemResult<ImMessage> Lookup(object key, ImMessage? message, string channelId, ChannelType type, string? viewer, string what)
        {
            if (message != null && WuKongChannels.Belongs(message, channelId, type, viewer))
                return ItemResult<ImMessage>.Success(key, message);
            var where = viewer == null ? $"{type} channel '{channelId}'" : $"the person channel of '{viewer}' and '{channelId}'";
            return ItemResult<ImMessage>.Failure(key, new ImException(ImErrorKind.NotFound, $"{what} was not found in {where}.")
            {
                Provider = ImProvider.WuKongIM,
                ServerCode = 404,
            });
        }

        /// <summary>One message, or null when the server reports it not found (the caller reports the miss per key).</summary>
        private static async Task<ImMessage?> FindOneAsync(Func<Task<JsonElement>> read)
        {
            try
            {
                return (await read().ConfigureAwait(false)).Deserialize<WuKongMessageDto>(ImJson.Options)!.ToModel();
            }
            catch (ImException ex) when (ex.Kind == ImErrorKind.NotFound)
            {
                return null;
            }
        }
    }
}
