using System.Diagnostics;

namespace ImAdmin.Bench;

/// <summary>Wall time, allocations and peak working set of one scenario run.</summary>
public sealed record Measurement(string Scenario, int Items, TimeSpan Elapsed, long AllocatedBytes, long PeakWorkingSet, string Note)
{
    public double ItemsPerSecond => Items / Elapsed.TotalSeconds;

    public static async Task<Measurement> RunAsync(string scenario, int items, Func<Task<string>> body)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var note = await body();
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        using var process = Process.GetCurrentProcess();
        return new Measurement(scenario, items, clock.Elapsed, allocated, process.PeakWorkingSet64, note);
    }

    public static string Header =>
        "| Scenario | Items | Elapsed | Items/s | Allocated | Peak working set | Note |\n|---|---:|---:|---:|---:|---:|---|";

    public override string ToString() =>
        $"| {Scenario} | {Items:N0} | {Elapsed.TotalMilliseconds:N0} ms | {ItemsPerSecond:N0} | {AllocatedBytes / 1024.0 / 1024.0:N1} MiB | {PeakWorkingSet / 1024.0 / 1024.0:N0} MiB | {Note} |";
}
