using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using static ImAdmin.Bench.Statistics;

namespace ImAdmin.Bench.PowerShell;

/// <summary>
/// What `Import-Module ImAdmin` adds to `pwsh -NoProfile -Command ...`, taken apart: fresh processes importing nothing,
/// a one-function script module, an empty binary module with a manifest (bench/ImAdmin.EmptyModule: what PowerShell
/// charges any binary module), ImAdmin without its format file, and ImAdmin; then the same with one object formatted
/// before exit, as every interactive session and runbook does sooner or later, because PowerShell builds its format
/// table once per process and a module's format file only adds to that build. Alternated, median of
/// <see cref="Runs"/> each, in two builds of PowerShell 7.6.9: the pinned `dotnet pwsh` tool, whose assemblies are IL
/// only (PowerShell's own import code is JIT-compiled in every process), and bench/ImAdmin.StartupHost, the same
/// PowerShell published ReadyToRun like an installed pwsh.
/// </summary>
public static class ImportBench
{
    private const int Runs = 7;

    public static void Run(string repoRoot, string work)
    {
        var module = Path.Combine(repoRoot, "out", "ImAdmin");
        var manifest = Path.Combine(module, "ImAdmin.psd1");
        var imports = new (string Label, string Command)[]
        {
            ("nothing", "exit"),
            ("a one-function script module", $"Import-Module '{TrivialScriptModule(work)}'; exit"),
            ("an empty binary module (one no-op cmdlet, manifest)", $"Import-Module '{EmptyBinaryModule(work)}'; exit"),
            ("ImAdmin without its format file", $"Import-Module '{ImAdminWithoutFormats(work, module)}'; exit"),
            ("ImAdmin", $"Import-Module '{manifest}'; exit"),
            ("nothing, one object formatted", $"{FormatOne}; exit"),
            ("ImAdmin, one object formatted", $"Import-Module '{manifest}'; {FormatOne}; exit"),
        };
        var readyToRun = ReadyToRunHost();
        var hosts = new List<(string Name, Func<ProcessStartInfo> Start)> { ("`dotnet pwsh` (tool, IL only)", () => DotnetPwsh(repoRoot)) };
        if (readyToRun != null) hosts.Add(("ReadyToRun pwsh (ImAdmin.StartupHost)", () => new ProcessStartInfo(readyToRun)));
        else Console.WriteLine("No ReadyToRun PowerShell: publish it with `dotnet publish bench/ImAdmin.StartupHost -c Release` to measure it too.");

        var wall = new List<double>[hosts.Count, imports.Length];
        var cpu = new List<double>[hosts.Count, imports.Length];
        foreach (var i in Enumerable.Range(0, hosts.Count))
            foreach (var j in Enumerable.Range(0, imports.Length))
                (wall[i, j], cpu[i, j]) = (new List<double>(), new List<double>());
        // Alternated so that every variant in every PowerShell meets the same moments of a busy machine.
        for (var run = 0; run < Runs; run++)
            for (var j = 0; j < imports.Length; j++)
                for (var i = 0; i < hosts.Count; i++)
                {
                    var (w, c) = Time(hosts[i].Start(), imports[j].Command);
                    wall[i, j].Add(w);
                    cpu[i, j].Add(c);
                }

        Console.WriteLine($"Fresh processes of `-NoProfile -NonInteractive -Command \"Import-Module ...; exit\"`, median of {Runs} (min-max), alternated. "
            + "CPU is the process tree's user+system time, which waiting for a busy core does not inflate.");
        Console.WriteLine();
        Console.WriteLine("| Import | " + string.Join(" | ", hosts.Select(h => $"{h.Name}: wall | CPU | added wall / CPU")) + " |");
        Console.WriteLine("|---|" + string.Concat(hosts.Select(_ => "---:|---:|---:|")));
        string Added(int i, int from, int to) =>
            $"{Median(wall[i, to]) - Median(wall[i, from]):N0} / {Median(cpu[i, to]) - Median(cpu[i, from]):N0} ms";
        for (var j = 0; j < imports.Length; j++)
            Console.WriteLine($"| {imports[j].Label} | " + string.Join(" | ", Enumerable.Range(0, hosts.Count).Select(i =>
                $"{Median(wall[i, j]):N0} ms ({wall[i, j].Min():N0}-{wall[i, j].Max():N0}) | {Median(cpu[i, j]):N0} ms ({cpu[i, j].Min():N0}-{cpu[i, j].Max():N0}) | "
                + (j == 0 ? "" : Added(i, 0, j)))) + " |");
        foreach (var (label, from, to) in new[]
                 {
                     ("ImAdmin's assemblies and cmdlets (empty binary module -> ImAdmin without formats)", 2, 3),
                     ("ImAdmin's format file (without -> with)", 3, 4),
                     ("ImAdmin in a process that formats output (one object formatted -> ImAdmin, one object formatted)", 5, 6),
                 })
            Console.WriteLine($"| {label} | " + string.Join(" | ", Enumerable.Range(0, hosts.Count).Select(i => $" | | {Added(i, from, to)}")) + " |");
        Console.WriteLine("Goal: ImAdmin adds <= 80 ms (the ImAdmin row's \"added\"; the last line is what it adds once anything is formatted).");
    }

    /// <summary>The first formatted output of a process: PowerShell's format table is built here if nothing built it before.</summary>
    private const string FormatOne = "$null = Get-Date | Out-String";

    private static string TrivialScriptModule(string work)
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, "TrivialScriptModule")).FullName;
        var path = Path.Combine(folder, "TrivialScriptModule.psm1");
        File.WriteAllText(path, "function Get-Trivial { 1 }\n");
        return path;
    }

    /// <summary>bench/ImAdmin.EmptyModule (built beside the bench) with a manifest, as a Gallery binary module ships.</summary>
    private static string EmptyBinaryModule(string work)
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, "EmptyBinaryModule")).FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "ImAdmin.EmptyModule.dll"), Path.Combine(folder, "ImAdmin.EmptyModule.dll"));
        var path = Path.Combine(folder, "EmptyBinaryModule.psd1");
        File.WriteAllText(path, """
            @{
                RootModule        = 'ImAdmin.EmptyModule.dll'
                ModuleVersion     = '0.1.0'
                GUID              = '0e4f0f2a-6d0c-4bfa-9c57-5d1d4f3c2b10'
                PowerShellVersion = '5.1'
                CmdletsToExport   = @('Invoke-EmptyNoOp')
                FunctionsToExport = @()
                AliasesToExport   = @()
                VariablesToExport = @()
            }
            """);
        return path;
    }

    /// <summary>ImAdmin's own manifest with FormatsToProcess emptied, loading the assemblies of out/ImAdmin.</summary>
    private static string ImAdminWithoutFormats(string work, string module)
    {
        var manifest = File.ReadAllText(Path.Combine(module, "ImAdmin.psd1"));
        var root = new Regex(@"RootModule\s*=\s*'ImAdmin\.dll'");
        var formats = new Regex(@"FormatsToProcess\s*=\s*@\([^)]*\)");
        if (!root.IsMatch(manifest) || !formats.IsMatch(manifest))
            throw new InvalidOperationException("out/ImAdmin/ImAdmin.psd1 no longer has RootModule = 'ImAdmin.dll' and FormatsToProcess = @(...): update ImportBench.");
        manifest = formats.Replace(root.Replace(manifest, $"RootModule = '{Path.Combine(module, "ImAdmin.dll")}'"), "FormatsToProcess = @()");
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(work, "ImAdminWithoutFormats")).FullName, "ImAdminWithoutFormats.psd1");
        File.WriteAllText(path, manifest);
        return path;
    }

    /// <summary>The published bench/ImAdmin.StartupHost of this bench's own repository, or null before it is published.</summary>
    private static string? ReadyToRunHost()
    {
        var path = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "ImAdmin.StartupHost",
            "bin", "Release", "net10.0", "linux-x64", "publish", "ImAdmin.StartupHost"));
        return File.Exists(path) ? path : null;
    }

    /// <summary>The pinned tool, found through the repository's tool manifest.</summary>
    private static ProcessStartInfo DotnetPwsh(string repoRoot)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repoRoot };
        start.ArgumentList.Add("pwsh");
        return start;
    }

    /// <summary>Wall time and CPU time (user + system, the child and its own children) of one process.</summary>
    private static (double Wall, double Cpu) Time(ProcessStartInfo start, string command)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        foreach (var a in new[] { "-NoProfile", "-NonInteractive", "-Command", command }) start.ArgumentList.Add(a);
        var cpuBefore = ChildrenCpuMilliseconds();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0) throw new InvalidOperationException($"`{command}` failed ({process.ExitCode}): {output}");
        return (elapsed, ChildrenCpuMilliseconds() - cpuBefore);
    }

    /// <summary>getrusage(RUSAGE_CHILDREN): CPU time of every child this process has waited for (one at a time here).</summary>
    private static double ChildrenCpuMilliseconds()
    {
        if (GetRusage(-1, out var usage) != 0) throw new InvalidOperationException("getrusage(RUSAGE_CHILDREN) failed.");
        return (usage.UserSeconds + usage.SystemSeconds) * 1000.0 + (usage.UserMicroseconds + usage.SystemMicroseconds) / 1000.0;
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetRusage(int who, out Rusage usage);

    /// <summary>struct rusage of 64-bit Linux: two timevals, then 14 longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)] public long[] Rest;
    }
}
