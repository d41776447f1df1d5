using System;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Models
{
    /// <summary>The outcome of sending one row of Send-ImMessage.</summary>
    public sealed class ImSendResult
    {
        public ImProvider Provider { get; set; }

        public string? From { get; set; }

        public string ChannelId { get; set; } = string.Empty;

        public ChannelType ChannelType { get; set; }

        /// <summary>The server's message id, when it returns one (WuKongIM single sends, Wildfire).</summary>
        public long? MessageId { get; set; }

        /// <summary>Tencent MsgKey: keep it to recall the message.</summary>
        public string? MessageKey { get; set; }

        /// <summary>Tencent group messages: the MsgSeq the group gave the message (a group message's id there).</summary>
        public long? MessageSequence { get; set; }

        public string? ClientMsgNo { get; set; }

        public DateTimeOffset? Timestamp { get; set; }

        public bool Succeeded { get; set; }

        /// <summary>
        /// Not sent as far as anyone can tell, yet possibly stored: the answer was lost after the server may have acted.
        /// Check before sending such a row again (about_ImAdmin, "Unknown outcomes").
        /// </summary>
        public bool OutcomeUnknown { get; set; }

        /// <summary>Why this row was not sent (or may not have been): the message of its error record, with the server's text.</summary>
        public string? Error { get; set; }

        /// <summary>The server's error code for this row, when it failed and the server gave one.</summary>
        public int? ErrorCode { get; set; }

        public override string ToString() => Succeeded ? $"{ChannelId}: sent {MessageId?.ToString() ?? MessageKey ?? MessageSequence?.ToString()}"
            : OutcomeUnknown ? $"{ChannelId}: outcome unknown: {Error}" : $"{ChannelId}: failed: {Error}";
    }
}
