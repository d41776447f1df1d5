using System;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Messaging
{
    /// <summary>
    /// What Get-ImMessage asks of a channel's history, whatever the provider. Each provider reads the parts it pages by
    /// (sequences on WuKongIM, times on Tencent Cloud IM) and refuses the others with an error naming the parameter.
    /// </summary>
    public sealed class MessageHistoryQuery
    {
        public const int DefaultPageSize = 100;

        public const int MaxPageSize = 10000;

        public MessageHistoryQuery(string channelId, ChannelType channelType)
        {
            ChannelId = channelId;
            ChannelType = channelType;
        }

        public string ChannelId { get; }

        public ChannelType ChannelType { get; }

        /// <summary>The user whose view is read (person channels; Tencent's Operator_Account).</summary>
        public string? UserId { get; set; }

        public long? StartSequence { get; set; }

        public long? EndSequence { get; set; }

        public DateTimeOffset? StartTime { get; set; }

        public DateTimeOffset? EndTime { get; set; }

        public MessageDirection Direction { get; set; } = MessageDirection.Older;

        public int PageSize { get; set; } = DefaultPageSize;
    }
}
