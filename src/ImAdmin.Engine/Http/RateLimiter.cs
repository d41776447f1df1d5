using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace ImAdmin.Engine.Http
{
    /// <summary>
    /// Client-side token buckets, one per key (a provider API path), so a bulk run stays under the server's
    /// published limits instead of bouncing off them. One limiter belongs to a session's HttpClient pipeline, so every
    /// cmdlet of the session, and every runspace that was handed the session, draws from the same buckets.
    /// Adaptive: when the server still throttles a key (<see cref="Throttled"/>), that key admits nothing until the
    /// server's Retry-After has passed and then runs at half its rate, recovering a tenth of the base rate per
    /// calm second. With a window limit, a key also admits at most that many units in any one-second window, counted
    /// from the admission times themselves (a sliding window): the bucket may then refill quickly enough to absorb
    /// late wake-ups without ever letting a second hold more than the server allows.
    /// Thread-safe; waits are cancellable. The clock is injectable so admission can be counted in tests.
    /// </summary>
    public sealed class RateLimiter
    {
        /// <summary>The pause after a throttling answer that named no Retry-After.</summary>
        public static readonly TimeSpan DefaultThrottlePause = TimeSpan.FromSeconds(1);

        private const double SlowestFraction = 1.0 / 16;
        private const double RecoveryPerSecond = 0.1;

        private readonly ConcurrentDictionary<string, Bucket> _buckets = new ConcurrentDictionary<string, Bucket>(StringComparer.Ordinal);
        private readonly double _perSecond;
        private readonly double _burst;
        private readonly int? _perWindow;
        private readonly Func<TimeSpan> _clock;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;

        /// <param name="perSecond">Sustained rate per key.</param>
        /// <param name="burst">Tokens available at once (defaults to one second's worth).</param>
        /// <param name="perWindow">At most this many units in any one-second window; null for no such limit.</param>
        public RateLimiter(double perSecond, double? burst = null, int? perWindow = null)
            : this(perSecond, burst, MonotonicClock(), Task.Delay, perWindow)
        {
        }

        /// <param name="perSecond">Sustained rate per key.</param>
        /// <param name="burst">Tokens available at once (defaults to one second's worth).</param>
        /// <param name="clock">Monotonic time since an arbitrary origin.</param>
        /// <param name="delay">How a waiting caller sleeps (tests advance their clock instead).</param>
        /// <param name="perWindow">At most this many units in any one-second window; null for no such limit.</param>
        public RateLimiter(double perSecond, double? burst, Func<TimeSpan> clock, Func<TimeSpan, CancellationToken, Task> delay, int? perWindow = null)
        {
            if (perSecond <= 0) throw new ArgumentOutOfRangeException(nameof(perSecond));
            if (perWindow < 1) throw new ArgumentOutOfRangeException(nameof(perWindow));
            _perSecond = perSecond;
            _burst = burst ?? perSecond;
            _perWindow = perWindow;
            _clock = clock;
            _delay = delay;
        }

        /// <summary>The span the window limit counts over: the servers' unit.</summary>
        public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

        public double PerSecond => _perSecond;

        /// <summary>The rate <paramref name="key"/> runs at now (below <see cref="PerSecond"/> after throttling).</summary>
        public double CurrentRate(string key) => _buckets.TryGetValue(key, out var b) ? b.Rate : _perSecond;

        /// <summary>Waits until <paramref name="cost"/> tokens are available for <paramref name="key"/>, then takes them.</summary>
        public async Task WaitAsync(string key, int cost, CancellationToken cancellationToken)
        {
            while (true)
            {
                if (TryTake(key, cost, out var wait)) return;
                await _delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Takes the tokens, or takes nothing and says how long to wait before asking again.</summary>
        public bool TryTake(string key, int cost, out TimeSpan wait)
        {
            wait = TimeSpan.Zero;
            var bucket = Of(key);
            lock (bucket)
            {
                var now = _clock();
                bucket.Refill(now, _perSecond, _burst);
                if (now < bucket.PausedUntil)
                {
                    wait = bucket.PausedUntil - now;
                    return false;
                }
                // A cost above the burst is admitted once the bucket is full, so it cannot wait forever.
                var needed = Math.Min(cost, _burst);
                if (bucket.Tokens < needed)
                {
                    wait = TimeSpan.FromSeconds((needed - bucket.Tokens) / bucket.Rate);
                    return false;
                }
                if (_perWindow is int perWindow && !bucket.Recent.Admits(now, Math.Min(cost, perWindow), perWindow, out wait)) return false;
                bucket.Tokens -= cost;
                return true;
            }
        }

        /// <summary>
        /// The server throttled a call on <paramref name="key"/> although the client kept to its budget (another
        /// client shares the quota, or the configured limit is above the real one): pause the key and slow it down.
        /// </summary>
        public void Throttled(string key, TimeSpan? retryAfter)
        {
            var bucket = Of(key);
            lock (bucket)
            {
                var now = _clock();
                bucket.Refill(now, _perSecond, _burst);
                var until = now + (retryAfter ?? DefaultThrottlePause);
                if (until > bucket.PausedUntil) bucket.PausedUntil = until;
                bucket.Tokens = Math.Min(bucket.Tokens, 0);
                bucket.Rate = Math.Max(_perSecond * SlowestFraction, bucket.Rate / 2);
            }
        }

        private Bucket Of(string key) => _buckets.GetOrAdd(key, _ => new Bucket(_burst, _perSecond, _clock()));

        private static Func<TimeSpan> MonotonicClock()
        {
            var watch = Stopwatch.StartNew();
            return () => watch.Elapsed;
        }

        private sealed class Bucket
        {
            private TimeSpan _last;

            public Bucket(double tokens, double rate, TimeSpan now)
            {
                Tokens = tokens;
                Rate = rate;
                _last = now;
            }

            public double Tokens { get; set; }

            public double Rate { get; set; }

            public TimeSpan PausedUntil { get; set; }

            /// <summary>Admission times of the last second, for the window limit.</summary>
            public SlidingWindow Recent { get; } = new SlidingWindow();

            public void Refill(TimeSpan now, double baseRate, double burst)
            {
                // Nothing accrues while paused: the server asked for silence, not for a burst afterwards.
                var from = _last > PausedUntil ? _last : PausedUntil;
                var seconds = now > from ? (now - from).TotalSeconds : 0;
                Tokens = Math.Min(burst, Tokens + seconds * Rate);
                if (Rate < baseRate) Rate = Math.Min(baseRate, Rate + seconds * baseRate * RecoveryPerSecond);
                _last = now;
            }
        }
    }
}
