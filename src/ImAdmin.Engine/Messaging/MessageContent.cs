using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace ImAdmin.Engine.Messaging
{
    /// <summary>
    /// What a message says: plain text (each provider wraps it in its own text format) or a raw payload sent as is.
    /// Two contents are equal when they would produce the same bytes on the wire, which is what batching keys on.
    /// </summary>
    public sealed class MessageContent : IEquatable<MessageContent>
    {
        private readonly string _fingerprint;

        private MessageContent(string? text, byte[]? payload)
        {
            Text = text;
            Payload = payload;
            using var sha = SHA256.Create();
            var bytes = payload ?? Encoding.UTF8.GetBytes(text ?? string.Empty);
            _fingerprint = (payload == null ? "t:" : "p:") + Convert.ToBase64String(sha.ComputeHash(bytes));
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

        public bool Equals(MessageContent? other) => other != null && _fingerprint == other._fingerprint;

        public override bool Equals(object? obj) => Equals(obj as MessageContent);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_fingerprint);

        public override string ToString() => Text ?? $"({Payload!.Length} bytes)";
    }
}
