using System.Diagnostics;
using System.Globalization;
using System.Text;
using ImAdmin.Engine.Bulk;
using ImAdmin.Engine.Sessions;
using static ImAdmin.Bench.Statistics;

namespace ImAdmin.Bench.PowerShell;

/// <summary>
/// The cmdlet benchmarks of docs/benchmarks.md, all in one run so that the ratios compare like with like on a busy
/// machine: each pipeline is timed against its reference in the same process, interleaved, best of
/// <see cref="Rounds"/>. Absolute times are printed but only the ratios are the result.
/// </summary>
public static class PipelineBench
{
    private const int Rounds = 5;
    private const int MemoryRounds = 3;

    /// <summary>The distinct-text pair runs for seconds, not milliseconds, so its rounds are spread out more: 7, and a median.</summary>
    private const int DistinctRounds = 7;
    private const string Token = "bench-token";

    /// <param name="parts">Which tables to measure (all when null): batched, distinct, profile, csvprofile, call, memory, import.</param>
    public static async Task RunAsync(string repoRoot, int rows, int distinctRows, int memoryRows, IReadOnlyCollection<string>? parts = null)
    {
        bool Part(string name) => parts == null || parts.Contains(name);
        var work = Directory.CreateTempSubdirectory("imadmin-bench-").FullName;
        try
        {
            var same = WriteCsv(Path.Combine(work, "same.csv"), rows, distinct: false);
            var distinct = WriteCsv(Path.Combine(work, "distinct.csv"), distinctRows, distinct: true);
            await using var server = await FixedAnswerServer.StartAsync();
            using var host = new PowerShellHost(repoRoot);
            host.Invoke("Connect-ImServer -Provider WuKongIM -Uri $args[0] -Token (ConvertTo-SecureString $args[1] -AsPlainText -Force) -Name bench | Out-Null",
                server.BaseUri, Token);
            Console.WriteLine($"Fixed-answer WuKongIM server at {server.BaseUri}; {rows:N0} same-text rows, {distinctRows:N0} distinct-text rows.");
            Console.WriteLine();
            Console.WriteLine("| Pipeline | Rows | Best time | Rows/s | Ratio | Goal |");
            Console.WriteLine("|---|---:|---:|---:|---:|---|");

            if (Part("batched"))
            {
                var (ceiling, batched) = Pair(host, "Import-Csv $args[0] | Invoke-BenchNoOp -From admin -Text same",
                    "Import-Csv $args[0] | Send-ImMessage -From admin -Text same", same);
                Row("`Import-Csv | Invoke-BenchNoOp -From admin -Text same` (binding ceiling)", rows, ceiling, "1.00x", "reference");
                Row("`Import-Csv | Send-ImMessage -From admin -Text same` (batched)", rows, batched, Ratio(ceiling, batched), ">= 0.7x the ceiling");
            }

            if (Part("distinct"))
            {
                var (loop, perRow) = Paired(host, DistinctRounds, """
                    $headers = @{ token = $args[2] }
                    $uri = $args[1].AbsoluteUri + 'message/send'
                    Import-Csv $args[0] | ForEach-Object {
                        $payload = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes((@{ type = 1; content = $_.Text } | ConvertTo-Json -Compress)))
                        $body = @{ header = @{ red_dot = 1 }; from_uid = $_.From; channel_id = $_.Uid; channel_type = 1; payload = $payload } | ConvertTo-Json -Compress
                        Invoke-RestMethod -Method Post -Uri $uri -Headers $headers -ContentType 'application/json' -Body $body | Out-Null
                    }
                    """, "Import-Csv $args[0] | Send-ImMessage", distinct, server.BaseUri, Token);
                Row("`Import-Csv | ForEach-Object { Invoke-RestMethod ... }` (distinct text)", distinctRows, Best(loop), "1.00x", "reference");
                Row("`Import-Csv | Send-ImMessage` (distinct text, one call per row)", distinctRows, Best(perRow), Ratio(Best(loop), Best(perRow)), ">= 10x the loop");
                Spread(distinctRows, loop, perRow);
            }

            Console.WriteLine();
            if (Part("profile")) Profile(host, same, rows);
            Console.WriteLine();
            if (Part("csvprofile")) CsvProfile(host, same, rows);
            Console.WriteLine();
            if (Part("call")) PerCall(host, distinct, distinctRows, server.BaseUri);
            Console.WriteLine();
            if (Part("memory")) await MemoryAsync(repoRoot, work, memoryRows);
            Console.WriteLine();
            if (Part("import")) ImportBench.Run(repoRoot, work);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The per-row path of `rows | Send-ImMessage -Text same` taken apart, rows already in memory (no Import-Csv).</summary>
    private static void Profile(PowerShellHost host, string csv, int rows)
    {
        host.Invoke("$global:rows = Import-Csv $args[0]", csv);
        Console.WriteLine($"Per-row profile, {rows:N0} rows already in memory:");
        Console.WriteLine();
        Console.WriteLine("| Pipeline | Best time | Rows/s | µs/row |");
        Console.WriteLine("|---|---:|---:|---:|");
        var lines = new (string Label, string Script)[]
        {
            ("`$rows | Invoke-BenchNoOp -Text same` (binding only)", "$rows | Invoke-BenchNoOp -From admin -Text same"),
            ("`$rows | Invoke-BenchRowPath -Text same` (+ the row's recipients and content)", "$rows | Invoke-BenchRowPath -From admin -Text same"),
            ("... `-AskShouldProcess` (+ ShouldProcess text per row)", "$rows | Invoke-BenchRowPath -From admin -Text same -AskShouldProcess"),
            ("... `-AskShouldProcess -Batch` (+ SendRequest and MessageBatcher per row)", "$rows | Invoke-BenchRowPath -From admin -Text same -AskShouldProcess -Batch"),
            ("`$rows | Send-ImMessage -From admin -Text same` (the cmdlet, fixed-answer server)", "$rows | Send-ImMessage -From admin -Text same"),
            ("`Send-ImMessage -ChannelId $rows.Uid -From admin -Text same` (no per-row binding)", "Send-ImMessage -ChannelId $rows.Uid -From admin -Text same"),
        };
        // Interleaved rounds, best of each, so every line meets the same moments of a busy machine.
        var best = lines.Select(_ => TimeSpan.MaxValue).ToArray();
        for (var round = 0; round < Rounds; round++)
            for (var i = 0; i < lines.Length; i++)
            {
                var time = host.Time(lines[i].Script);
                if (time < best[i]) best[i] = time;
            }
        for (var i = 0; i < lines.Length; i++)
            Console.WriteLine($"| {lines[i].Label} | {Ms(best[i])} | {rows / best[i].TotalSeconds:N0} | {best[i].TotalMilliseconds * 1000 / rows:N2} |");
        host.Invoke("Remove-Variable -Scope Global rows");
    }

    /// <summary>
    /// The per-row path again, streamed from Import-Csv as an admin runs it: rows are young when they reach the cmdlet, so
    /// keeping them until their batch is answered costs collections here (rows promoted, GC pauses) that
    /// <see cref="Profile"/> (rows already old) does not show.
    /// </summary>
    private static void CsvProfile(PowerShellHost host, string csv, int rows)
    {
        Console.WriteLine($"Per-row profile, {rows:N0} rows streamed from Import-Csv (median of {Rounds}, range):");
        Console.WriteLine();
        Console.WriteLine("| Pipeline | Wall µs/row | CPU µs/row | KB/row allocated | Collections gen0/1/2 | GC pause µs/row |");
        Console.WriteLine("|---|---:|---:|---:|---|---:|");
        var lines = new (string Label, string Script)[]
        {
            ("`Import-Csv | Measure-Object`", "Import-Csv $args[0] | Measure-Object"),
            ("`Import-Csv | Invoke-BenchNoOp -From admin -Text same` (binding only)", "Import-Csv $args[0] | Invoke-BenchNoOp -From admin -Text same"),
            ("... `Invoke-BenchRowPath -AskShouldProcess -Batch` (+ row path, ShouldProcess, batcher; no call)", "Import-Csv $args[0] | Invoke-BenchRowPath -From admin -Text same -AskShouldProcess -Batch"),
            ("`Import-Csv | Send-ImMessage -From admin -Text same`", "Import-Csv $args[0] | Send-ImMessage -From admin -Text same"),
        };
        var runs = lines.Select(_ => new List<(RunCost Cost, double[] Gc)>()).ToArray();
        // Interleaved rounds, so every line meets the same moments of a busy machine (and the same collector tuning).
        for (var round = 0; round < Rounds; round++)
            for (var i = 0; i < lines.Length; i++)
            {
                var before = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
                var pause = GC.GetTotalPauseDuration();
                var cost = host.Measure(lines[i].Script, csv);
                var gc = Enumerable.Range(0, 3).Select(g => (double)(GC.CollectionCount(g) - before[g])).ToList();
                gc.Add((GC.GetTotalPauseDuration() - pause).TotalMilliseconds * 1000 / rows);
                runs[i].Add((cost, gc.ToArray()));
            }
        string Cell(IEnumerable<double> values) => MedianAndRange(values, "N2");
        for (var i = 0; i < lines.Length; i++)
        {
            var r = runs[i];
            var collections = string.Join("/", Enumerable.Range(0, 3).Select(g => Median(r.Select(x => x.Gc[g])).ToString("N0", CultureInfo.InvariantCulture)));
            Console.WriteLine($"| {lines[i].Label} | {Cell(r.Select(x => x.Cost.Wall.TotalMilliseconds * 1000 / rows))} | " +
                              $"{Cell(r.Select(x => x.Cost.Cpu.TotalMilliseconds * 1000 / rows))} | {Cell(r.Select(x => x.Cost.Bytes / 1024.0 / rows))} | " +
                              $"{collections} | {Cell(r.Select(x => x.Gc[3]))} |");
        }
    }

    /// <summary>
    /// What one server call per row costs the client: distinct-text rows already in memory, CPU time and bytes per row
    /// (whole process, so the fixed-answer server's share is in them), median of <see cref="DistinctRounds"/>; beside
    /// it the two costs no module can avoid, binding the rows and a bare HttpClient sending them (<see cref="HttpFloor"/>).
    /// </summary>
    private static void PerCall(PowerShellHost host, string csv, int rows, Uri server)
    {
        host.Invoke("$global:rows = Import-Csv $args[0]", csv);
        var parsed = File.ReadLines(csv).Skip(1).Select(line => line.Split(',')).Select(f => (f[0], f[1], f[2])).ToList();
        var inFlight = BulkDefaults.ThrottleLimit(ImProvider.WuKongIM);
        Console.WriteLine($"Per-call profile, {rows:N0} distinct-text rows already in memory (median of {DistinctRounds}, range):");
        Console.WriteLine();
        Console.WriteLine("| Pipeline | Wall µs/row | CPU µs/row | KB/row allocated |");
        Console.WriteLine("|---|---:|---:|---:|");
        var lines = new (string Label, Func<RunCost> Run)[]
        {
            ("`$rows | Invoke-BenchNoOp` (binding only)", () => host.Measure("$rows | Invoke-BenchNoOp")),
            ($"bare HttpClient, {inFlight} calls in flight, no PowerShell (the HTTP floor)", () => HttpFloor.Measure(server, Token, parsed, inFlight)),
            ("`$rows | Send-ImMessage` (one /message/send per row)", () => host.Measure("$rows | Send-ImMessage")),
        };
        var runs = lines.Select(_ => new List<RunCost>()).ToArray();
        foreach (var line in lines) line.Run();
        for (var round = 0; round < DistinctRounds; round++)
            for (var i = 0; i < lines.Length; i++)
                runs[i].Add(lines[i].Run());
        string Cell(IEnumerable<double> values) => MedianAndRange(values, "N1");
        for (var i = 0; i < lines.Length; i++)
            Console.WriteLine($"| {lines[i].Label} | {Cell(runs[i].Select(r => r.Wall.TotalMilliseconds * 1000 / rows))} | " +
                              $"{Cell(runs[i].Select(r => r.Cpu.TotalMilliseconds * 1000 / rows))} | {Cell(runs[i].Select(r => r.Bytes / 1024.0 / rows))} |");
        host.Invoke("Remove-Variable -Scope Global rows");
    }

    /// <summary>Peak working set of a fresh PowerShell process running each pipeline over <paramref name="rows"/> rows, against the sandbox.</summary>
    private static async Task MemoryAsync(string repoRoot, string work, int rows)
    {
        var csv = WriteCsv(Path.Combine(work, "million.csv"), rows, distinct: false);
        // The sandbox stays in this process, so the child's peak is the client's alone.
        await using var sandbox = await ImAdmin.Sandbox.SandboxHost.StartAsync(new ImAdmin.Sandbox.SandboxOptions());
        var uri = sandbox.WuKongServer.BaseUri.AbsoluteUri;
        var token = sandbox.Options.WuKongToken!;
        var modes = new (string Mode, string Label, string Goal)[]
        {
            ("memory-baseline", "`Import-Csv \\| Measure-Object`", "reference"),
            ("memory-noop", "`Import-Csv \\| Invoke-BenchNoOp -From admin -Text same` (binding only)", ""),
            ("memory-fixed", "`Connect-ImServer`, one `Send-ImMessage`, then `Import-Csv \\| Measure-Object` (the module's fixed cost)", ""),
            ("memory-send", "`Import-Csv \\| Send-ImMessage -From admin -Text same` (sandbox)", "<= 1.2x"),
        };
        // Alternated rounds, so every pipeline meets the same moments of a busy machine; the peak varies by a few MiB.
        var peaks = modes.Select(_ => new List<long>()).ToArray();
        for (var round = 0; round < MemoryRounds; round++)
            for (var i = 0; i < modes.Length; i++)
                peaks[i].Add(ChildPeak(modes[i].Mode, repoRoot, csv, uri, token));
        double Median(List<long> v) => Statistics.Median(v.Select(p => (double)p));
        var reference = Median(peaks[0]);
        Console.WriteLine($"| Pipeline ({rows:N0} rows, own process) | Peak working set, median of {MemoryRounds} (range) | Ratio | Goal |");
        Console.WriteLine("|---|---:|---:|---|");
        for (var i = 0; i < modes.Length; i++)
            Console.WriteLine($"| {modes[i].Label} | {Median(peaks[i]) / 1048576.0:N0} MiB ({peaks[i].Min() / 1048576.0:N0}-{peaks[i].Max() / 1048576.0:N0}) | " +
                              $"{Median(peaks[i]) / reference:N2}x | {modes[i].Goal} |");
    }

    private static long ChildPeak(params string[] arguments)
    {
        var mode = arguments[0];
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(PipelineBench).Assembly.Location);
        start.ArgumentList.Add("child");
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0) throw new InvalidOperationException($"{mode} child failed ({child.ExitCode}): {output}");
        return long.Parse(output.Trim().Split('\n').Last(), CultureInfo.InvariantCulture);
    }

    /// <summary>A child process: runs one pipeline over a CSV and prints its peak working set (arguments: mode, repo, csv, sandbox uri, token).</summary>
    public static int Child(string[] arguments)
    {
        var (mode, repoRoot, csv) = (arguments[0], arguments[1], arguments[2]);
        using var host = new PowerShellHost(repoRoot);
        if (mode is "memory-fixed" or "memory-send")
            host.Invoke("Connect-ImServer -Provider WuKongIM -Uri $args[0] -Token (ConvertTo-SecureString $args[1] -AsPlainText -Force) | Out-Null",
                new Uri(arguments[3]), arguments[4]);
        // memory-fixed: the module's fixed cost (connected, one message sent) under the baseline pipeline.
        if (mode == "memory-fixed") host.Invoke("Send-ImMessage -ChannelId user0 -From admin -Text same | Out-Null");
        host.Invoke(mode switch
        {
            "memory-noop" => "Import-Csv $args[0] | Invoke-BenchNoOp -From admin -Text same",
            "memory-send" => "Import-Csv $args[0] | Send-ImMessage -From admin -Text same",
            _ => "Import-Csv $args[0] | Measure-Object | Out-Null",
        }, csv);
        using var self = Process.GetCurrentProcess();
        // To stderr (the parent reads the peak from stdout): how much of the peak is the managed heap, how often rows kept
        // across a collection were promoted (gen1/gen2 collections), and how much code was compiled and loaded.
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        Console.Error.WriteLine($"GC {mode}: collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen0/1/2), " +
            $"committed {gc.TotalCommittedBytes >> 20} MiB (live {gc.HeapSizeBytes >> 20} MiB), allocated {GC.GetTotalAllocatedBytes() >> 20} MiB, threads {self.Threads.Count}, " +
            $"JIT {System.Runtime.JitInfo.GetCompiledMethodCount()} methods ({System.Runtime.JitInfo.GetCompiledILBytes() >> 10} KiB IL), " +
            $"{AppDomain.CurrentDomain.GetAssemblies().Length} assemblies");
        Console.Error.WriteLine($"  {mode}: {ResidentSplit()}");
        Console.WriteLine(self.PeakWorkingSet64.ToString(CultureInfo.InvariantCulture));
        return 0;
    }

    /// <summary>
    /// Where the resident memory is, from /proc/self/status on Linux: anonymous (the GC heap, thread stacks, native
    /// allocations), file (mapped assemblies) and shared (JIT'd code, mapped twice for W^X); peak is VmHWM.
    /// </summary>
    private static string ResidentSplit()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return "resident split not available on this system";
        var keys = new[] { "VmHWM", "VmRSS", "RssAnon", "RssFile", "RssShmem" };
        var fields = File.ReadLines(status).Select(l => l.Split(':', 2)).Where(p => keys.Contains(p[0]))
            .ToDictionary(p => p[0], p => long.Parse(p[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) >> 10);
        return $"peak {fields["VmHWM"]} MiB, now {fields["VmRSS"]} MiB = anonymous {fields["RssAnon"]} + files {fields["RssFile"]} + JIT code/shared {fields["RssShmem"]} MiB";
    }

    /// <summary>
    /// Best of <see cref="Rounds"/> runs of a reference and a measured pipeline, alternated so that both meet the same
    /// moments of a busy machine (the first round also warms up the JIT).
    /// </summary>
    private static (TimeSpan Reference, TimeSpan Measured) Pair(PowerShellHost host, string reference, string measured, params object[] arguments)
    {
        TimeSpan bestReference = TimeSpan.MaxValue, bestMeasured = TimeSpan.MaxValue;
        for (var i = 0; i < Rounds; i++)
        {
            var r = host.Time(reference, arguments);
            var m = host.Time(measured, arguments);
            if (r < bestReference) bestReference = r;
            if (m < bestMeasured) bestMeasured = m;
        }
        return (bestReference, bestMeasured);
    }

    /// <summary>
    /// Runs of a reference and a measured pipeline, alternated, after one warm-up pair that is not counted (JIT, the
    /// connection pool): the per-round ratios show how much a busy machine moved the result.
    /// </summary>
    private static (List<RunCost> Reference, List<RunCost> Measured) Paired(PowerShellHost host, int rounds, string reference, string measured, params object[] arguments)
    {
        host.Measure(reference, arguments);
        host.Measure(measured, arguments);
        var (r, m) = (new List<RunCost>(), new List<RunCost>());
        for (var i = 0; i < rounds; i++)
        {
            r.Add(host.Measure(reference, arguments));
            m.Add(host.Measure(measured, arguments));
        }
        return (r, m);
    }

    /// <summary>Under the table: the ratio of each round (median, range), wall and CPU per row, bytes per row.</summary>
    private static void Spread(int rows, List<RunCost> reference, List<RunCost> measured)
    {
        var ratios = reference.Zip(measured, (r, m) => r.Wall / m.Wall).Order().ToList();
        var cpuRatio = Median(reference.Select(r => r.Cpu.TotalMilliseconds)) / Median(measured.Select(m => m.Cpu.TotalMilliseconds));
        string PerRow(List<RunCost> runs) =>
            $"wall {Median(runs.Select(r => r.Wall.TotalMilliseconds)) * 1000 / rows:N0} µs/row (median), " +
            $"CPU {Median(runs.Select(r => r.Cpu.TotalMilliseconds)) * 1000 / rows:N0} µs/row, " +
            $"{Median(runs.Select(r => (double)r.Bytes)) / rows / 1024:N1} KB/row allocated (process-wide, server included)";
        Console.WriteLine();
        Console.WriteLine($"Distinct text, {ratios.Count} alternated rounds after a warm-up pair: per-round ratio median **{Median(ratios):N2}x**, " +
                          $"range {ratios[0]:N2}-{ratios[^1]:N2}x; CPU-time ratio {cpuRatio:N2}x.");
        Console.WriteLine($"- loop: {PerRow(reference)}");
        Console.WriteLine($"- Send-ImMessage: {PerRow(measured)}");
    }

    private static TimeSpan Best(List<RunCost> runs) => runs.Min(r => r.Wall);

    /// <summary>"median (min-max)" of a table cell.</summary>
    private static string MedianAndRange(IEnumerable<double> values, string format)
    {
        var v = values.Order().ToList();
        return $"{Median(v).ToString(format)} ({v[0].ToString(format)}-{v[^1].ToString(format)})";
    }

    private static string WriteCsv(string path, int rows, bool distinct)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("From,Uid,Text");
        for (var i = 0; i < rows; i++)
            writer.WriteLine(distinct ? $"admin,user{i},Notice {i} for user{i}" : $"admin,user{i},same");
        return path;
    }

    private static void Row(string label, int rows, TimeSpan time, string ratio, string goal) =>
        Console.WriteLine($"| {label} | {rows:N0} | {Ms(time)} | {rows / time.TotalSeconds:N0} | {ratio} | {goal} |");

    /// <summary>How many times faster <paramref name="measured"/> is than <paramref name="reference"/> (rows/s over rows/s).</summary>
    private static string Ratio(TimeSpan reference, TimeSpan measured) => $"{reference.TotalSeconds / measured.TotalSeconds:N2}x";

    private static string Ms(TimeSpan time) => $"{time.TotalMilliseconds:N0} ms";
}
