using System.Collections.Generic;
using System.Linq;
using ImAdmin.Engine.Models.Webhooks;

namespace ImAdmin.Engine.Webhooks
{
    /// <summary>
    /// What one webhook body turned into. A body can give events and errors at once: a WuKongIM batch with one bad
    /// entry still yields the good ones. An unknown event kind is a warning and an <see cref="ImUnknownWebhookEvent"/>.
    /// </summary>
    public sealed class WebhookParseResult
    {
        /// <summary>The event name the body was read as, when one could be told.</summary>
        public string? Event { get; internal set; }

        public List<IImWebhookEvent> Events { get; } = new List<IImWebhookEvent>();

        public List<ImWebhookException> Errors { get; } = new List<ImWebhookException>();

        public List<string> Warnings { get; } = new List<string>();

        /// <summary>The sender failed a signature, time or app check: nothing in the body was read.</summary>
        public bool Rejected => Errors.Any(e => e.IsRejection);

        /// <summary>The body gave nothing but errors.</summary>
        public bool Unreadable => Events.Count == 0 && Errors.Count > 0;
    }
}
