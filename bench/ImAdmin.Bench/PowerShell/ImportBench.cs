using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ImAdmin.Bench.PowerShell;

/// <summary>
/// What `Import-Module ImAdmin` adds to `pwsh -NoProfile -Command ...`, taken apart: fresh processes importing nothing,
/// a one-function script module, an empty binary module with a manifest (bench/ImAdmin.EmptyModule: what PowerShell
/// charges any binary module), ImAdmin without its format file, and ImAdmin. Alternated, median of
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
        var imports = new (string Label, string Command)[]
        {
            ("nothing", "exit"),
            ("a one-function script module", $"Import-Module '{TrivialScriptModule(work)}'; exit"),
            ("an empty binary module (one no-op cmdlet, manifest)", $"Import-Module '{EmptyBinaryModule(work)}'; exit"),
            ("ImAdmin without its format file", $"Import-Module '{ImAdminWithoutFormats(work, module)}'; exit"),
            ("ImAdmin", $"Import-Module '{Path.Combine(module, "ImAdmin.psd1")}'; exit"),
        };
        var readyToRun = ReadyToRunHost();
        var hosts = new List<(string Name, Func<ProcessStartInfo> Start)> { ("`dotnet pwsh` (tool, IL only)", () => DotnetPwsh(repoRoot)) };
        if (readyToRun != null) hosts.Add(("ReadyToRun pwsh (ImAdmin.StartupHost)", () => new ProcessStartInfo(readyToRun)));
        else Console.WriteLine("No ReadyToRun PowerShell: publish it with `dotnet publish bench/ImAdmin.StartupHost -c Release` to measure it too.");

        var times = new List<double>[hosts.Count, imports.Length];
        foreach (var i in Enumerable.Range(0, hosts.Count))
            foreach (var j in Enumerable.Range(0, imports.Length))
                times[i, j] = new List<double>();
        // Alternated so that every variant in every PowerShell meets the same moments of a busy machine.
        for (var run = 0; run < Runs; run++)
            for (var j = 0; j < imports.Length; j++)
                for (var i = 0; i < hosts.Count; i++)
                    times[i, j].Add(Time(hosts[i].Start(), imports[j].Command));

        Console.WriteLine($"| `-NoProfile -NonInteractive -Command \"Import-Module ...; exit\"`, fresh process, median of {Runs} (min-max), alternated | "
            + string.Join(" | ", hosts.Select(h => $"{h.Name} | added")) + " |");
        Console.WriteLine("|---|" + string.Concat(hosts.Select(_ => "---:|---:|")));
        for (var j = 0; j < imports.Length; j++)
            Console.WriteLine($"| {imports[j].Label} | " + string.Join(" | ", Enumerable.Range(0, hosts.Count).Select(i =>
                $"{Median(times[i, j]):N0} ms ({times[i, j].Min():N0}-{times[i, j].Max():N0}) | {(j == 0 ? "" : $"{Median(times[i, j]) - Median(times[i, 0]):N0} ms")}")) + " |");
        foreach (var (label, from, to) in new[] { ("ImAdmin's assemblies and cmdlets (empty binary module -> ImAdmin without formats)", 2, 3), ("ImAdmin's format file (without -> with)", 3, 4) })
            Console.WriteLine($"| {label} | " + string.Join(" | ", Enumerable.Range(0, hosts.Count).Select(i =>
                $" | {Median(times[i, to]) - Median(times[i, from]):N0} ms")) + " |");
        Console.WriteLine("Goal: ImAdmin adds <= 80 ms (the ImAdmin row's \"added\").");
    }

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

    private static double Time(ProcessStartInfo start, string command)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        foreach (var a in new[] { "-NoProfile", "-NonInteractive", "-Command", command }) start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0) throw new InvalidOperationException($"`{command}` failed ({process.ExitCode}): {output}");
        return elapsed;
    }

    private static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);
}
