using System.Diagnostics;

namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>The in-memory WuKongIM server state; reads see writes. Thread-safe through one lock.</summary>
public sealed partial class WuKongState
{
    private readonly Stopwatch _uptime = Stopwatch.StartNew();

    internal object Gate { get; } = new();

    public TimeSpan Uptime => _uptime.Elapsed;

    public void Seed()
    {
        SeedConnections();
        AddSystemUids(["robot"]);
        SeedChannels(DateTimeOffset.UtcNow);
        SeedMessages(DateTimeOffset.UtcNow);
    }
}
