using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Webhooks
{
    /// <summary>One webhook or callback as received: the provider, the raw body, and whatever says which event it is.</summary>
    public sealed class WebhookRequest
    {
        public WebhookRequest(ImProvider provider, string body, string? eventName = null, WebhookQuery? query = null)
        {
            Provider = provider;
            Body = body ?? string.Empty;
            Event = string.IsNullOrWhiteSpace(eventName) ? null : eventName!.Trim();
            Query = query ?? WebhookQuery.Empty;
        }

        public ImProvider Provider { get; }

        public string Body { get; }

        /// <summary>The event name the caller knows (-Event); otherwise the query or the body's shape says.</summary>
        public string? Event { get; }

        public WebhookQuery Query { get; }
    }
}
