using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ImAdmin.Bench.PowerShell;

/// <summary>PowerShell 7.6 hosted in the bench process, with the built module (out/ImAdmin) and the bench's no-op cmdlet imported.</summary>
public sealed class PowerShellHost : IDisposable
{
    private readonly Runspace _runspace;

    public PowerShellHost(string repoRoot)
    {
        var state = InitialSessionState.CreateDefault2();
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
        Invoke("Import-Module $args[0]; Import-Module -Assembly ([ImAdmin.Bench.PowerShell.InvokeBenchNoOpCommand].Assembly)",
            Path.Combine(repoRoot, "out", "ImAdmin", "ImAdmin.psd1"));
    }

    /// <summary>Runs <paramref name="script"/> (arguments as $args) and fails loudly on any error record.</summary>
    public Collection<PSObject> Invoke(string script, params object[] arguments)
    {
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        foreach (var argument in arguments) ps.AddArgument(argument);
        var output = ps.Invoke();
        if (ps.Streams.Error.Count > 0)
            throw new InvalidOperationException($"Bench script failed: {ps.Streams.Error[0]}\n{script}");
        return output;
    }

    /// <summary>Wall time of one run of <paramref name="script"/>, started on a collected heap.</summary>
    public TimeSpan Time(string script, params object[] arguments) => Measure(script, arguments).Wall;

    /// <summary>What one run of <paramref name="script"/> costs (see <see cref="RunCost.Of"/>).</summary>
    public RunCost Measure(string script, params object[] arguments) => RunCost.Of(() => Invoke(script, arguments));

    public void Dispose() => _runspace.Dispose();
}

/// <summary>What one run of a pipeline cost: wall time, CPU time of the whole process, bytes allocated.</summary>
public readonly record struct RunCost(TimeSpan Wall, TimeSpan Cpu, long Bytes)
{
    /// <summary>
    /// Wall time, process CPU time and bytes allocated (all threads, the in-process server's too) of one run of
    /// <paramref name="run"/>, started on a collected heap. CPU and bytes move far less than wall time when other
    /// processes share the cores.
    /// </summary>
    public static RunCost Of(Action run)
    {
        // Otherwise a pipeline pays for the garbage of the one before it (the no-op ceiling, measured first in each
        // round, ran slower than Send-ImMessage after a round ending in 100,000 requests).
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        run();
        var wall = clock.Elapsed;
        self.Refresh();
        return new RunCost(wall, self.TotalProcessorTime - cpu, GC.GetTotalAllocatedBytes(precise: true) - bytes);
    }
}
