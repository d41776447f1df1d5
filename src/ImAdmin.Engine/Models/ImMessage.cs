using System;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Models
{
    /// <summary>A stored message as any provider reports it.</summary>
    public class ImMessage
    {
        public ImProvider Provider { get; set; }

        /// <summary>Server-wide message id (WuKongIM message_id, Wildfire messageUid).</summary>
        public long MessageId { get; set; }

        /// <summary>Position in the channel (WuKongIM message_seq; Tencent MsgSeq).</summary>
        public long MessageSequence { get; set; }

        /// <summary>Tencent MsgKey, the handle needed to recall a C2C message.</summary>
        public string? MessageKey { get; set; }

        public string? ClientMsgNo { get; set; }

        public string? From { get; set; }

        public string ChannelId { get; set; } = string.Empty;

        public ChannelType ChannelType { get; set; }

        public DateTimeOffset Timestamp { get; set; }

        /// <summary>The raw payload bytes as stored.</summary>
        public byte[] Payload { get; set; } = Array.Empty<byte>();

        /// <summary>The text, when the payload is a text message.</summary>
        public string? Text { get; set; }

        /// <summary>The message was recalled (Tencent MsgFlagBits 8, or IsPlaceMsg 2 in a group); its content is gone.</summary>
        public bool Revoked { get; set; }

        /// <summary>Tencent one-to-one history: whether the recipient has read it; null where the server does not say.</summary>
        public bool? IsPeerRead { get; set; }

        /// <summary>Custom data stored with the message (Tencent CloudCustomData; Send-ImMessage -Extra).</summary>
        public string? Extra { get; set; }

        public override string ToString() => $"{MessageId} {From} -> {ChannelId}: " + (Revoked ? "(revoked)" : Text ?? "(" + Payload.Length + " bytes)");
    }
}
