namespace ImAdmin.Engine.Http
{
    /// <summary>What the retry handler may do with a request whose answer was lost or transient.</summary>
    public enum RetrySafety
    {
        /// <summary>
        /// Repeating the request cannot do harm: reads, "set" calls, and sends that carry the provider's
        /// dedupe key (WuKongIM client_msg_no, Tencent MsgRandom+MsgSeq). Retried on throttling, 5xx and transport errors.
        /// </summary>
        Idempotent,

        /// <summary>
        /// Retried only when the server guarantees it did not process the request (throttled before processing,
        /// connection refused). Sends without a dedupe key, such as WuKongIM /message/sendbatch.
        /// </summary>
        NotProcessedOnly,
    }
}
