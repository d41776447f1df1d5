using System.Diagnostics;

namespace ImAdmin.Sandbox.Wildfire;

/// <summary>
/// The server's admin rate limiter: one leaky bucket (key "admin") of <c>http.admin.rate_limit</c> requests per 10 s,
/// consulted before anything else, so unsigned and badly signed requests use up the budget too (see docs/server-behaviour/wildfire.md, 'Rate limiting').
/// </summary>
public sealed class WildfireAdminLimiter(int perTenSeconds)
{
    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _tokens = perTenSeconds;
    private TimeSpan _last;

    public bool TryTake()
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            _tokens = Math.Min(perTenSeconds, _tokens + (now - _last).TotalSeconds * perTenSeconds / 10.0);
            _last = now;
            if (_tokens < 1) return false;
            _tokens--;
            return true;
        }
    }
}
