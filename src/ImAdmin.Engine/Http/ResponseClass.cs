namespace ImAdmin.Engine.Http
{
    /// <summary>How a provider classifies an answer for the retry handler.</summary>
    public enum ResponseClass
    {
        /// <summary>Success or a failure that a retry would not fix.</summary>
        Final,

        /// <summary>Rejected before processing because of load or rate limits: always safe to retry.</summary>
        Throttled,

        /// <summary>A transient failure after which the outcome is unknown: retried only for idempotent requests.</summary>
        Transient,
    }
}
