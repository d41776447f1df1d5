using System.Collections.Generic;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Queries
{
    /// <summary>What Sync-ImConversation lists of a user's conversations, whatever the provider (WuKongIM: /conversation/sync).</summary>
    public sealed class ConversationSyncQuery
    {
        public const int DefaultMessageCount = 20;

        /// <summary>page_size is capped by the server.</summary>
        public const int MaxPageSize = 500;

        public ConversationSyncQuery(string userId) => UserId = userId;

        public string UserId { get; }

        /// <summary>Recent messages per conversation; must be 1 or more (0 makes the server return nothing at all).</summary>
        public int MessageCount { get; set; } = DefaultMessageCount;

        /// <summary>Legacy version stamp: when above 0, recents start after the read pointer.</summary>
        public long Version { get; set; }

        /// <summary>Only conversations with unread messages (recents after the read pointer).</summary>
        public bool OnlyUnread { get; set; }

        public IReadOnlyList<ChannelType>? ExcludeChannelTypes { get; set; }

        /// <summary>
        /// An earlier sync's conversations: for each, only messages after its LastMessageSequence are fetched and it is
        /// left out when there is nothing newer (the server's last_msg_seqs).
        /// </summary>
        public IReadOnlyList<ImConversation>? Since { get; set; }

        /// <summary>Conversations per server call (1-500); null lists everything in one call.</summary>
        public int? PageSize { get; set; }
    }
}
