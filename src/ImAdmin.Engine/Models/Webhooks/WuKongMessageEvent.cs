using System;

namespace ImAdmin.Engine.Models.Webhooks
{
    /// <summary>
    /// A message from a WuKongIM msg.notify batch (every stored message) or a msg.offline webhook (a message to push to
    /// recipients whose master device is offline; those recipients are in <see cref="ToUserIds"/>).
    /// </summary>
    public sealed class WuKongMessageEvent : ImMessage, IImWebhookEvent
    {
        /// <summary>msg.notify or msg.offline.</summary>
        public string Event { get; set; } = string.Empty;

        /// <summary>msg.offline: the users to notify through the phone vendors' push services (gzip-compressed lists are decoded).</summary>
        public string[] ToUserIds { get; set; } = Array.Empty<string>();

        /// <summary>Header no_persist: the server did not store the message.</summary>
        public bool NoPersist { get; set; }

        /// <summary>Header red_dot: the message counts as unread.</summary>
        public bool RedDot { get; set; }

        /// <summary>Header sync_once: a CMD message.</summary>
        public bool SyncOnce { get; set; }

        /// <summary>The setting bit flags (stream, receipt, ...).</summary>
        public int Setting { get; set; }

        public string? Topic { get; set; }

        /// <summary>Seconds the message lives, 0 for ever.</summary>
        public long Expire { get; set; }

        /// <summary>msg.offline: the node that sent the webhook.</summary>
        public long? SourceNodeId { get; set; }

        public override string ToString() => base.ToString() + (ToUserIds.Length == 0 ? string.Empty : $" (push to {ToUserIds.Length})");
    }
}
