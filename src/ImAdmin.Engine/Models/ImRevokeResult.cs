using System;
using System.Collections.Generic;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Models
{
    /// <summary>
    /// The outcome of Revoke-ImMessage for one message. For a single message WildfireChat also returns what the
    /// original was (sender, time, content type, text); a multicast or broadcast recall returns nothing but success.
    /// Tencent Cloud IM messages are named by MessageKey, sender (From) and recipient (ChannelId) instead of an id.
    /// </summary>
    public sealed class ImRevokeResult
    {
        public ImProvider Provider { get; set; }

        /// <summary>The server message id (WildfireChat messageUid); null for Tencent Cloud IM.</summary>
        public long? MessageId { get; set; }

        /// <summary>Tencent Cloud IM MsgKey of the recalled C2C message.</summary>
        public string? MessageKey { get; set; }

        /// <summary>The recipient of a recalled Tencent Cloud IM C2C message, or the group of a group message.</summary>
        public string? ChannelId { get; set; }

        /// <summary>Person for a one-to-one message, Group for a Tencent Cloud IM group message.</summary>
        public ChannelType ChannelType { get; set; } = ChannelType.Person;

        /// <summary>Tencent Cloud IM group messages: the MsgSeq the message was recalled by.</summary>
        public long? MessageSequence { get; set; }

        /// <summary>The multicast receivers it was recalled for; empty for a single message or a broadcast.</summary>
        public IReadOnlyList<string> Receiver { get; set; } = Array.Empty<string>();

        /// <summary>True when the message had been recalled before (the server answers success and no snapshot).</summary>
        public bool AlreadyRevoked { get; set; }

        /// <summary>The original sender, when the server reported it.</summary>
        public string? From { get; set; }

        /// <summary>When the original was sent, when the server reported it.</summary>
        public DateTimeOffset? Timestamp { get; set; }

        /// <summary>The original's content type (WildfireChat: 1 text, 3 image, ...), when the server reported it.</summary>
        public int? ContentType { get; set; }

        /// <summary>The original's text (searchable content), when it had one.</summary>
        public string? Text { get; set; }

        public override string ToString() =>
            $"{MessageId?.ToString() ?? MessageKey ?? MessageSequence?.ToString()}: " + (AlreadyRevoked ? "already revoked" : "revoked" + (Text == null ? string.Empty : $" ({From}: {Text})"));
    }
}
