using System;
using System.Linq;

namespace ImAdmin.Engine.Messaging
{
    /// <summary>
    /// What a message says: plain text (each provider wraps it in its own text format) or a raw payload sent as is.
    /// Two contents are equal when they would produce the same bytes on the wire, which is what batching keys on.
    /// </summary>
    public sealed class MessageContent : IEquatable<MessageContent>
    {
        // A payload's hash, computed on first use; a text's is the string's own.
        private int? _payloadHash;

        private MessageContent(string? text, byte[]? payload)
        {
            Text = text;
            Payload = payload;
        }

        public static MessageContent FromText(string text) => new MessageContent(text ?? throw new ArgumentNullException(nameof(text)), null);

        public static MessageContent FromPayload(byte[] payload) =>
            new MessageContent(null, (payload ?? throw new ArgumentNullException(nameof(payload))).ToArray());

        /// <summary>The payload when one is given, otherwise the text (the two parameter sets of the content cmdlets).</summary>
        public static MessageContent From(string? text, byte[]? payload) =>
            payload != null ? FromPayload(payload) : FromText(text ?? throw new ArgumentNullException(nameof(text)));

        /// <summary>The text to send, or null when <see cref="Payload"/> is used.</summary>
        public string? Text { get; }

        /// <summary>Raw payload bytes, or null when <see cref="Text"/> is used.</summary>
        public byte[]? Payload { get; }

        public bool IsText => Text != null;

        // Compared as they are (no digest per row: a million-row run makes a content per row, and most rows share one).
        public bool Equals(MessageContent? other) =>
            other != null && (ReferenceEquals(this, other) ||
                              (Text != null ? string.Equals(Text, other.Text, StringComparison.Ordinal) : other.Payload != null && Payload!.SequenceEqual(other.Payload)));

        public override bool Equals(object? obj) => Equals(obj as MessageContent);

        public override int GetHashCode() => Text != null ? StringComparer.Ordinal.GetHashCode(Text) : _payloadHash ??= HashOf(Payload!);

        /// <summary>FNV-1a over the bytes (not a digest: equal contents only need equal hashes here).</summary>
        private static int HashOf(byte[] bytes)
        {
            unchecked
            {
                var hash = (int)2166136261;
                foreach (var b in bytes) hash = (hash ^ b) * 16777619;
                return hash;
            }
        }

        public override string ToString() => Text ?? $"({Payload!.Length} bytes)";
    }
}
