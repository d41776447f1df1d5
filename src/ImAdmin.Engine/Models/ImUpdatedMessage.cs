using System;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Models
{
    /// <summary>A message whose content Update-ImMessage replaced.</summary>
    public sealed class ImUpdatedMessage
    {
        public ImProvider Provider { get; set; }

        public long MessageId { get; set; }

        /// <summary>The new text, when the new content is text.</summary>
        public string? Text { get; set; }

        /// <summary>The new content as the server received it (WildfireChat: the MessagePayload JSON, UTF-8).</summary>
        public byte[] Payload { get; set; } = Array.Empty<byte>();

        /// <summary>Whether clients were told (false: only the server's copy changed).</summary>
        public bool Distributed { get; set; }

        public override string ToString() => $"{MessageId}: updated" + (Text == null ? string.Empty : $" to '{Text}'");
    }
}
