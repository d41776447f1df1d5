using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>Which part of a channel's history to read, and how.</summary>
    public sealed class WuKongHistoryQuery
    {
        public const int DefaultPageSize = 100;

        /// <summary>/channel/messagesync caps limit at 10000.</summary>
        public const int MaxPageSize = 10000;

        public WuKongHistoryQuery(string channelId, ChannelType channelType)
        {
            ChannelId = channelId;
            ChannelType = channelType;
        }

        public string ChannelId { get; }

        public ChannelType ChannelType { get; }

        /// <summary>The viewing user; required for person channels.</summary>
        public string? UserId { get; set; }

        /// <summary>First sequence read (inclusive). Default: the newest message (Older) or sequence 1 (Newer).</summary>
        public long? StartSequence { get; set; }

        /// <summary>Last sequence read (inclusive). Default: sequence 1 (Older) or the newest message (Newer).</summary>
        public long? EndSequence { get; set; }

        public MessageDirection Direction { get; set; } = MessageDirection.Older;

        /// <summary>Messages per server call (1-10000).</summary>
        public int PageSize { get; set; } = DefaultPageSize;
    }
}
