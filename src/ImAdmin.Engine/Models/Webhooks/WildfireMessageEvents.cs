using System;

namespace ImAdmin.Engine.Models.Webhooks
{
    /// <summary>
    /// A message a Wildfire server forwarded (message.forward.url and the mention, sensitive, robot and channel
    /// callbacks). <see cref="ImMessage.Payload"/> is the payload JSON (UTF-8); <see cref="ImMessage.Text"/> is the
    /// searchable content of a text message (type 1).
    /// </summary>
    public sealed class WildfireMessageEvent : ImMessage, IImWebhookEvent
    {
        public string Event { get; set; } = string.Empty;

        /// <summary>Wildfire conversation type: 0 private, 1 group, 2 chatroom, 3 channel, 4 things, 5 secret chat.</summary>
        public int ConversationType { get; set; }

        /// <summary>The conversation line (usually 0).</summary>
        public int Line { get; set; }

        /// <summary>The users the message goes to, when the server lists them (toUsers).</summary>
        public string[] ToUserIds { get; set; } = Array.Empty<string>();

        /// <summary>The content type (payload.type): 1 text, 2 voice, 3 image, ..., 1000 and up custom.</summary>
        public int ContentType { get; set; }

        public string? SearchableContent { get; set; }
        public string? PushContent { get; set; }
        public string? PushData { get; set; }
        public string? Content { get; set; }

        /// <summary>The binary content (payload.base64edData), decoded.</summary>
        public byte[] BinaryContent { get; set; } = Array.Empty<byte>();

        public int MediaType { get; set; }
        public string? RemoteMediaUrl { get; set; }

        /// <summary>0 not persisted, 1 persisted, 3 persisted and counted, 4 transparent.</summary>
        public int PersistFlag { get; set; }

        public int ExpireDuration { get; set; }

        /// <summary>0 none, 1 the users in <see cref="MentionedTargets"/>, 2 everyone.</summary>
        public int MentionedType { get; set; }

        public string[] MentionedTargets { get; set; } = Array.Empty<string>();

        /// <summary>The sender's platform, when the server forwards client info.</summary>
        public WildfirePlatform? Platform { get; set; }

        /// <summary>The sender's client id, when the server forwards client info.</summary>
        public string? ClientId { get; set; }
    }

    /// <summary>message.recall: a message was recalled (message.recallmsg.forward.url).</summary>
    public sealed class WildfireRecallEvent : ImWebhookEvent
    {
        /// <summary>Who recalled it (userId).</summary>
        public string OperatorUserId { get; set; } = string.Empty;

        public bool IsAdmin { get; set; }

        public DateTimeOffset Timestamp { get; set; }

        /// <summary>The id of the recalled message.</summary>
        public long MessageId => Message?.MessageId ?? 0;

        /// <summary>The original message.</summary>
        public WildfireMessageEvent? Message { get; set; }

        public override string ToString() => $"{OperatorUserId} recalled {MessageId}" + (IsAdmin ? " (admin)" : string.Empty);
    }
}
