using ImAdmin.Engine.Models;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Messaging
{
    /// <summary>One message to one channel: a row of Send-ImMessage.</summary>
    public sealed class SendRequest
    {
        public SendRequest(string? from, string channelId, ChannelType channelType, MessageContent content)
        {
            From = from;
            ChannelId = channelId;
            ChannelType = channelType;
            Content = content;
        }

        /// <summary>Sender user id; null lets the provider use its system/admin sender.</summary>
        public string? From { get; }

        public string ChannelId { get; }

        public ChannelType ChannelType { get; }

        public MessageContent Content { get; }

        /// <summary>Caller-chosen dedupe key; a row with one is always sent on its own.</summary>
        public string? ClientMsgNo { get; set; }

        /// <summary>Counts as unread for the recipient (WuKongIM red_dot, Wildfire persistFlag 3, Tencent unread). On by default.</summary>
        public bool RedDot { get; set; } = true;

        /// <summary>Stored by the server (WuKongIM no_persist 0, Wildfire persistFlag 1 or 3). On by default.</summary>
        public bool Persist { get; set; } = true;

        /// <summary>Push text, mentions, lifetime and the like; rows of a run may differ (CSV columns).</summary>
        public MessageOptions Options { get; set; } = MessageOptions.None;

        /// <summary>The pipeline row this request came from, reported back on its result.</summary>
        public object? Source { get; set; }

        /// <summary>The result of sending this request: who sent it to where, under which caller's key; the provider adds what the server answered.</summary>
        public ImSendResult ToResult(ImProvider provider, bool succeeded) => new ImSendResult
        {
            Provider = provider,
            From = From,
            ChannelId = ChannelId,
            ChannelType = ChannelType,
            ClientMsgNo = ClientMsgNo,
            Succeeded = succeeded,
        };
    }
}
