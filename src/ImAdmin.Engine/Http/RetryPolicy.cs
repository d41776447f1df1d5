using System;

namespace ImAdmin.Engine.Http
{
    /// <summary>
    /// How a session retries: capped exponential backoff with jitter, the server's Retry-After honoured
    /// (both forms), a per-attempt timeout and a total time budget for one logical call.
    /// </summary>
    public sealed class RetryPolicy
    {
        public static RetryPolicy Default => new RetryPolicy();

        /// <summary>Retries after the first attempt (0 = no retry).</summary>
        public int MaxRetries { get; set; } = 4;

        /// <summary>First backoff delay; doubles per retry.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>Largest backoff delay (a server's Retry-After may ask for more, within the budget).</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Upper bound for one logical call, all attempts and waits included.</summary>
        public TimeSpan TotalBudget { get; set; } = TimeSpan.FromSeconds(120);

        /// <summary>Timeout of one HTTP attempt.</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// How long to keep looking for a send whose answer was lost, where the provider offers a lookup (WuKongIM by
        /// client_msg_no): the server stores asynchronously, so an accepted message can take a moment to be readable.
        /// </summary>
        public TimeSpan SettleWindow { get; set; } = TimeSpan.FromSeconds(2);

        public RetryPolicy Clone() => (RetryPolicy)MemberwiseClone();

        /// <summary>Backoff before retry number <paramref name="retry"/> (1-based), with "equal jitter" (half fixed, half random).</summary>
        public TimeSpan Backoff(int retry, Random random)
        {
            var exp = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, retry - 1));
            var capped = Math.Min(exp, MaxDelay.TotalMilliseconds);
            double jittered;
            lock (random) jittered = capped / 2 + random.NextDouble() * capped / 2;
            return TimeSpan.FromMilliseconds(jittered);
        }

        public void Validate()
        {
            if (MaxRetries < 0 || MaxRetries > 20) throw new ArgumentOutOfRangeException(nameof(MaxRetries), "MaxRetries must be between 0 and 20.");
            if (AttemptTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(AttemptTimeout), "AttemptTimeout must be positive.");
            if (SettleWindow < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(SettleWindow), "SettleWindow must not be negative.");
            if (TotalBudget <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TotalBudget), "TotalBudget must be positive.");
        }
    }
}
