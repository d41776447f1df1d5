using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace ImAdmin.Engine.Http
{
    /// <summary>
    /// Client-side token buckets, one per key (a provider API path), so a bulk run stays under the server's
    /// published limits instead of bouncing off them. Thread-safe; waits are cancellable.
    /// </summary>
    public sealed class RateLimiter
    {
        private readonly ConcurrentDictionary<string, Bucket> _buckets = new ConcurrentDictionary<string, Bucket>(StringComparer.Ordinal);
        private readonly double _perSecond;
        private readonly double _burst;
        private readonly Func<TimeSpan> _clock;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;

        /// <param name="perSecond">Sustained rate per key.</param>
        /// <param name="burst">Tokens available at once (defaults to one second's worth).</param>
        public RateLimiter(double perSecond, double? burst = null)
            : this(perSecond, burst, MonotonicClock(), (wait, ct) => Task.Delay(wait, ct))
        {
        }

        /// <param name="perSecond">Sustained rate per key.</param>
        /// <param name="burst">Tokens available at once (defaults to one second's worth).</param>
        /// <param name="clock">Time elapsed since an arbitrary start (tests pass a clock they move by hand).</param>
        /// <param name="delay">Waits for the given time (tests advance their clock instead).</param>
        internal RateLimiter(double perSecond, double? burst, Func<TimeSpan> clock, Func<TimeSpan, CancellationToken, Task> delay)
        {
            if (perSecond <= 0) throw new ArgumentOutOfRangeException(nameof(perSecond));
            _perSecond = perSecond;
            _burst = burst ?? perSecond;
            _clock = clock;
            _delay = delay;
        }

        private static Func<TimeSpan> MonotonicClock()
        {
            var stopwatch = Stopwatch.StartNew();
            return () => stopwatch.Elapsed;
        }

        public double PerSecond => _perSecond;

        /// <summary>Waits until <paramref name="cost"/> tokens are available for <paramref name="key"/>, then takes them.</summary>
        public async Task WaitAsync(string key, int cost, CancellationToken cancellationToken)
        {
            var bucket = _buckets.GetOrAdd(key, _ => new Bucket(_burst, _clock()));
            while (true)
            {
                TimeSpan wait;
                lock (bucket)
                {
                    bucket.Refill(_clock(), _perSecond, _burst);
                    // A cost above the burst is admitted once the bucket is full, so it cannot wait forever.
                    var needed = Math.Min(cost, _burst);
                    if (bucket.Tokens >= needed)
                    {
                        bucket.Tokens -= cost;
                        return;
                    }
                    wait = TimeSpan.FromSeconds((needed - bucket.Tokens) / _perSecond);
                }
                await _delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, cancellationToken).ConfigureAwait(false);
            }
        }

        private sealed class Bucket
        {
            private TimeSpan _last;

            public Bucket(double tokens, TimeSpan now)
            {
                Tokens = tokens;
                _last = now;
            }

            public double Tokens { get; set; }

            public void Refill(TimeSpan now, double perSecond, double burst)
            {
                Tokens = Math.Min(burst, Tokens + (now - _last).TotalSeconds * perSecond);
                _last = now;
            }
        }
    }
}
