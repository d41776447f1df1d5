using System;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Bulk
{
    /// <summary>
    /// How many calls a bulk cmdlet keeps in flight per provider. The providers publish call rates, not concurrency, so
    /// the rate itself is the session's rate limiter's job; these numbers keep enough calls in flight to reach that rate
    /// over a wide-area link without piling up waiting calls (or, on WuKongIM, loading a server that publishes no limit).
    /// </summary>
    public static class BulkDefaults
    {
        /// <summary>The -ThrottleLimit used when none is given.</summary>
        public static int ThrottleLimit(ImProvider provider) => provider switch
        {
            ImProvider.TencentCloud => 16,
            _ => 8,
        };

        /// <summary>The largest -ThrottleLimit accepted.</summary>
        public static int MaxThrottleLimit(ImProvider provider) => provider switch
        {
            ImProvider.TencentCloud => 64,
            _ => 32,
        };

        /// <summary>The throttle limit to use: the default, or <paramref name="requested"/> if the provider allows it.</summary>
        public static int Resolve(ImProvider provider, int? requested)
        {
            if (!requested.HasValue) return ThrottleLimit(provider);
            var max = MaxThrottleLimit(provider);
            if (requested.Value < 1 || requested.Value > max)
                throw new ImInputException("ThrottleLimit",
                    $"-ThrottleLimit must be between 1 and {max} for {provider} (default {ThrottleLimit(provider)}). The request rate is kept by the session's rate limit (Connect-ImServer -RequestsPerSecond), not by more calls in flight.");
            return requested.Value;
        }
    }
}
