using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Webhooks.Listener
{
    /// <summary>Where a <see cref="WebhookListener"/> listens, whom it expects and how much it keeps.</summary>
    public sealed class WebhookListenerOptions
    {
        public const string DefaultPrefix = "http://127.0.0.1:8080/";

        public ImProvider Provider { get; set; }

        /// <summary>A prefix http://host:port/[path/] ('+' or '*' as host: every address). Loopback by default.</summary>
        public string Prefix { get; set; } = DefaultPrefix;

        public WebhookParseOptions Parse { get; set; } = new WebhookParseOptions();

        /// <summary>Drop msg.notify messages already received (WuKongIM re-sends whole batches after a failure).</summary>
        public bool Deduplicate { get; set; } = true;

        /// <summary>How many message ids deduplication remembers; the oldest are forgotten first.</summary>
        public int DeduplicationCapacity { get; set; } = 100_000;

        /// <summary>
        /// How long one request may take to arrive whole (head and body). A sender that stalls longer is dropped
        /// unanswered, so it cannot hold up the answers to others; Tencent expects an answer within 2 s.
        /// </summary>
        public System.TimeSpan RequestReadTimeout { get; set; } = System.TimeSpan.FromSeconds(5);

        /// <summary>Bodies larger than this are refused with 413.</summary>
        public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

        /// <summary>Received requests not yet taken by the consumer; beyond this the listener answers 503.</summary>
        public int QueueCapacity { get; set; } = 10_000;

        /// <summary>Body bytes of the requests not yet taken by the consumer; beyond this the listener answers 503.</summary>
        public long QueueCapacityBytes { get; set; } = 256L * 1024 * 1024;
    }
}
