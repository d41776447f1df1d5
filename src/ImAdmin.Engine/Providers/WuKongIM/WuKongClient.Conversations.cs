using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Queries;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>
    /// Conversations (see docs/server-behaviour/wukongim.md, 'Conversations'). The server's quirks are handled here: sync needs msg_count &gt; 0, clearUnread ignores
    /// message_seq, setUnread can only lower the count (and wraps on an empty channel), delete is a soft delete.
    /// </summary>
    public sealed partial class WuKongClient
    {
        /// <summary>POST /conversation/sync: everything in one call, or page by page when a page size is given.</summary>
        public IAsyncEnumerable<ImConversation> SyncConversationsAsync(ConversationSyncQuery query, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(query.UserId)) throw new ImInputException("UserId", "Sync-ImConversation needs -UserId: whose conversations to list.");
            if (query.MessageCount < 1)
                throw new ImInputException("MessageCount", "MessageCount must be 1 or more: WuKongIM returns no conversations at all when msg_count is 0.");
            if (query.PageSize is { } size && (size < 1 || size > ConversationSyncQuery.MaxPageSize))
                throw new ImInputException("PageSize", $"PageSize must be between 1 and {ConversationSyncQuery.MaxPageSize} (the server's page_size limit).");
            var body = new WuKongConversationSyncBody
            {
                Uid = query.UserId,
                Version = query.Version,
                LastMsgSeqs = LastMsgSeqs(query.Since),
                MsgCount = query.MessageCount,
                OnlyUnread = query.OnlyUnread ? 1 : 0,
                ExcludeChannelTypes = query.ExcludeChannelTypes?.Select(t => WuKongChannels.TypeOf(t, "ExcludeChannelType")).ToList(),
                PageSize = query.PageSize ?? 0,
            };
            return ConversationPagesAsync(body, query.PageSize.HasValue, cancellationToken);
        }

        /// <summary>
        /// Pages are cut before the server drops conversations without recents, so a short page is not the end: the
        /// listing ends with the first empty page.
        /// </summary>
        private async IAsyncEnumerable<ImConversation> ConversationPagesAsync(WuKongConversationSyncBody body, bool paged, [EnumeratorCancellation] CancellationToken ct)
        {
            for (var page = paged ? 1 : 0; ; page++)
            {
                body.Page = page;
                var json = await PostJsonAsync("/conversation/sync", body, ct).ConfigureAwait(false);
                var items = WuKongResponse.As<List<WuKongConversationDto>>(json, JsonValueKind.Array);
                foreach (var item in items) yield return item.ToModel(body.Uid);
                if (!paged || items.Count == 0) yield break;
            }
        }

        /// <summary>One conversation through POST /conversation/syncByChannels; null when the user has none (or deleted it).</summary>
        public async Task<ImConversation?> GetConversationAsync(string userId, string channelId, ChannelType channelType, CancellationToken cancellationToken)
        {
            var body = new WuKongSyncByChannelsBody
            {
                Uid = userId,
                Channels = { new WuKongChannelRef { ChannelId = channelId, ChannelType = WuKongChannels.TypeOf(channelType) } },
                MsgCount = 1,
            };
            var json = await PostJsonAsync("/conversation/syncByChannels", body, cancellationToken).ConfigureAwait(false);
            var items = WuKongResponse.As<List<WuKongConversationDto>>(json, JsonValueKind.Array);
            return items.Where(c => c.ChannelId == channelId && c.ChannelType == (int)channelType).Select(c => c.ToModel(userId)).FirstOrDefault();
        }

        /// <summary>POST /conversations/clearUnread: the read pointer moves to the channel's newest message (the server ignores message_seq).</summary>
        public async Task<ImConversation?> ClearConversationUnreadAsync(string userId, string channelId, ChannelType channelType, DateTimeOffset? before, CancellationToken cancellationToken)
        {
            if (before != null)
                throw new Errors.ImInputException("Before", "WuKongIM clears a conversation's whole unread count (clearUnread has no time); leave -Before out.");
            await PostJsonAsync("/conversations/clearUnread", Body(userId, channelId, channelType), cancellationToken).ConfigureAwait(false);
            return null;
        }

        /// <summary>
        /// POST /conversations/setUnread, which moves the read pointer to (newest − unread) but only forward. So a request
        /// to raise the count changes nothing: it is not sent, a warning says so, and false is returned. On a channel
        /// without messages any unread &gt; 0 would wrap the server's pointer; that is refused.
        /// </summary>
        public async Task<bool> SetConversationUnreadAsync(string userId, string channelId, ChannelType channelType, int unread, CancellationToken cancellationToken)
        {
            if (unread < 0) throw new ImInputException("Unread", "Unread must be 0 or more.");
            var body = Body(userId, channelId, channelType);
            body.Unread = unread;
            var current = await TryGetConversationAsync(userId, channelId, channelType, cancellationToken).ConfigureAwait(false);
            var newest = current?.LastMessageSequence ?? (await GetMessageSequenceAsync(channelId, channelType, userId, cancellationToken).ConfigureAwait(false)).MessageSequence;
            if (newest == 0 && unread > 0)
                throw new ImInputException("Unread",
                    $"The conversation of '{userId}' with '{channelId}' has no messages, so nothing can be unread; WuKongIM would wrap its read pointer and stop counting unread messages there. Use -Unread 0, or send a message first.");
            if (current != null && unread > current.Unread)
            {
                ImLog.Warning($"WuKongIM can only lower an unread count: the conversation of '{userId}' with '{channelId}' stays at {current.Unread} unread (asked for {unread}).");
                return false;
            }
            await PostJsonAsync("/conversations/setUnread", body, cancellationToken).ConfigureAwait(false);
            return true;
        }

        /// <summary>POST /conversations/delete: a soft delete; the conversation comes back with the next message (counting only newer ones).</summary>
        public Task DeleteConversationAsync(string userId, string channelId, ChannelType channelType, CancellationToken cancellationToken) =>
            PostJsonAsync("/conversations/delete", Body(userId, channelId, channelType), cancellationToken);

        /// <summary>The current conversation, or null when unknown (none, or a server without syncByChannels).</summary>
        private async Task<ImConversation?> TryGetConversationAsync(string userId, string channelId, ChannelType channelType, CancellationToken ct)
        {
            try
            {
                return await GetConversationAsync(userId, channelId, channelType, ct).ConfigureAwait(false);
            }
            catch (ImException ex) when (ex.Kind == ImErrorKind.NotSupported)
            {
                ImLog.Verbose("This WuKongIM has no /conversation/syncByChannels; the current unread count is unknown.");
                return null;
            }
        }

        private static WuKongConversationBody Body(string userId, string channelId, ChannelType channelType)
        {
            if (string.IsNullOrEmpty(userId)) throw new ImInputException("UserId", "UserId is required: whose conversation it is.");
            if (string.IsNullOrEmpty(channelId)) throw new ImInputException("ChannelId", "ChannelId is required: the channel (for a person channel, the other user).");
            return new WuKongConversationBody { Uid = userId, ChannelId = channelId, ChannelType = WuKongChannels.TypeOf(channelType) };
        }

        /// <summary>last_msg_seqs: <c>channelId:channelType:lastSeq</c> joined by '|', so ids holding ':' or '|' cannot be listed.</summary>
        private static string? LastMsgSeqs(IReadOnlyList<ImConversation>? since)
        {
            if (since == null || since.Count == 0) return null;
            var bad = since.FirstOrDefault(c => c.ChannelId.IndexOf(':') >= 0 || c.ChannelId.IndexOf('|') >= 0);
            if (bad != null) throw new ImInputException("Since", $"Channel '{bad.ChannelId}' contains ':' or '|', which the server's last_msg_seqs format cannot carry.");
            return string.Join("|", since.Select(c => $"{c.ChannelId}:{WuKongChannels.TypeOf(c.ChannelType, "Since")}:{c.LastMessageSequence}"));
        }
    }
}
