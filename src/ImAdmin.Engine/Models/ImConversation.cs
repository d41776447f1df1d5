using System;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Models
{
    /// <summary>One of a user's conversations (WuKongIM /conversation/sync). UserId, ChannelId and ChannelType bind to the conversation cmdlets.</summary>
    public sealed class ImConversation
    {
        public ImProvider Provider { get; set; }

        /// <summary>The user whose conversation this is.</summary>
        public string UserId { get; set; } = string.Empty;

        /// <summary>The channel; for a person channel, the other user.</summary>
        public string ChannelId { get; set; } = string.Empty;

        public ChannelType ChannelType { get; set; }

        public int Unread { get; set; }

        /// <summary>Sequence of the channel's newest message.</summary>
        public long LastMessageSequence { get; set; }

        /// <summary>The user's read pointer: messages up to this sequence count as read.</summary>
        public long ReadToSequence { get; set; }

        public string? LastClientMsgNo { get; set; }

        /// <summary>Time of the channel's newest message; null when the server does not say (Tencent Cloud IM).</summary>
        public DateTimeOffset? Timestamp { get; set; }

        /// <summary>Messages up to this time count as read (Tencent Cloud IM MsgReadTime, after Clear-ImConversationUnread).</summary>
        public DateTimeOffset? ReadTime { get; set; }

        /// <summary>The server's change stamp of the conversation (nanoseconds).</summary>
        public long Version { get; set; }

        /// <summary>The newest messages, newest first.</summary>
        public ImMessage[] Recents { get; set; } = Array.Empty<ImMessage>();

        public override string ToString() => $"{UserId} ↔ {ChannelId} ({ChannelType}): {Unread} unread";
    }
}
