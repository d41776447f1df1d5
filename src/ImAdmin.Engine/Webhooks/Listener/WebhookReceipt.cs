using System;
using System.Collections.Generic;
using System.Linq;
using ImAdmin.Engine.Models.Webhooks;

namespace ImAdmin.Engine.Webhooks.Listener
{
    /// <summary>One request the listener answered: how it answered, and what the body gave.</summary>
    public sealed class WebhookReceipt
    {
        internal WebhookReceipt(string method, string path, string query)
        {
            Method = method;
            Path = path;
            Query = query;
        }

        public DateTimeOffset ReceivedAt { get; } = DateTimeOffset.Now;

        public string Method { get; }

        public string Path { get; }

        /// <summary>The query string, with any Sign masked.</summary>
        public string Query { get; }

        /// <summary>The body as received (the TargetObject of error records).</summary>
        public string Body { get; internal set; } = string.Empty;

        public int StatusCode { get; internal set; }

        public string? Event { get; internal set; }

        public IReadOnlyList<IImWebhookEvent> Events { get; internal set; } = Array.Empty<IImWebhookEvent>();

        /// <summary>msg.notify messages dropped because an earlier request already delivered them.</summary>
        public int DuplicatesDropped { get; internal set; }

        /// <summary>Events this request delivered beyond the consumer's -Count: answered, but not handed out.</summary>
        public int EventsOverCount { get; private set; }

        public IReadOnlyList<ImWebhookException> Errors { get; internal set; } = Array.Empty<ImWebhookException>();

        public IReadOnlyList<string> Warnings { get; internal set; } = Array.Empty<string>();

        internal void KeepFirst(int count)
        {
            EventsOverCount = Events.Count - count;
            Events = Events.Take(count).ToList();
        }

        /// <summary>One line for verbose output, e.g. "POST /hook?event=msg.notify -> 200: 3 events, 1 duplicate dropped".</summary>
        public override string ToString()
        {
            var text = $"{Method} {Path}{(Query.Length == 0 ? string.Empty : "?" + Query)} -> {StatusCode}";
            if (Event != null) text += $" ({Event})";
            text += $": {Events.Count} event{(Events.Count == 1 ? string.Empty : "s")}";
            if (DuplicatesDropped > 0) text += $", {DuplicatesDropped} duplicate{(DuplicatesDropped == 1 ? string.Empty : "s")} dropped";
            if (EventsOverCount > 0) text += $", {EventsOverCount} beyond -Count not passed on";
            if (Errors.Count > 0) text += $", {Errors.Count} error{(Errors.Count == 1 ? string.Empty : "s")}";
            return text;
        }
    }
}
