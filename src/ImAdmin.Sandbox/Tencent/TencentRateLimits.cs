using System.Diagnostics;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>
/// Tencent's frequency limits (see docs/server-behaviour/tencent.md, 'Frequency limits'): calls per second per API, counted in one-second windows, and
/// batchsendmsg recipients in any 60 s. Measured on a monotonic clock, so a frozen sandbox clock does not stop them.
/// </summary>
internal sealed class TencentRateLimits(int callsPerSecond, int recipientsPerMinute)
{
    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, (long Second, int Count)> _calls = new(StringComparer.Ordinal);
    private readonly Queue<(TimeSpan At, int Count)> _recipients = new();
    private int _recipientsInWindow;

    public bool TryCall(string api)
    {
        lock (_gate)
        {
            var second = (long)_clock.Elapsed.TotalSeconds;
            var (at, count) = _calls.GetValueOrDefault(api);
            if (at != second) count = 0;
            if (count >= callsPerSecond) return false;
            _calls[api] = (second, count + 1);
            return true;
        }
    }

    public bool TryRecipients(int count)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            while (_recipients.Count > 0 && now - _recipients.Peek().At >= TimeSpan.FromMinutes(1))
                _recipientsInWindow -= _recipients.Dequeue().Count;
            if (_recipientsInWindow + count > recipientsPerMinute) return false;
            _recipients.Enqueue((now, count));
            _recipientsInWindow += count;
            return true;
        }
    }
}
