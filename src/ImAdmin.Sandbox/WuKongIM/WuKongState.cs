using System.Diagnostics;

namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>The in-memory WuKongIM server state; reads see writes. Thread-safe through one lock.</summary>
public sealed partial class WuKongState
{
    private readonly Stopwatch _uptime = Stopwatch.StartNew();

    internal object Gate { get; } = new();

    public int ConnectionCount => 0;

    public string Uptime => $"{(int)_uptime.Elapsed.TotalHours}h{_uptime.Elapsed.Minutes}m{_uptime.Elapsed.Seconds}s";

    public void Seed()
    {
        SeedChannels(DateTimeOffset.UtcNow);
        SeedMessages(DateTimeOffset.UtcNow);
    }
}
