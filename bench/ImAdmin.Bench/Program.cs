using System.Text;
using ImAdmin.Bench;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Bulk;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Providers.Tencent;
using ImAdmin.Engine.Providers.Wildfire;
using ImAdmin.Engine.Security;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Webhooks;
using ImAdmin.Sandbox;

// Speed and memory of the engine's hot paths ("all" or scenario names), or of the cmdlets in hosted PowerShell
// against a fixed-answer server ("cmdlets", see PowerShell/PipelineBench.cs; needs the module built into out/ImAdmin). Sends go over real loopback HTTP to the in-process sandbox, so their
// numbers include the sandbox's own work on the same two cores: they bound the client's overhead, they are not a
// server benchmark. Usage: dotnet run -c Release --project bench/ImAdmin.Bench [-- scenario...]
var all = new Dictionary<string, Func<SandboxHost, Task<Measurement>>>
{
    ["batcher"] = _ => Batcher(100_000),
    ["redact"] = _ => Redact(100_000),
    ["usersig"] = _ => UserSigs(10_000),
    ["webhook-parse"] = _ => WebhookParse(1_000),
    ["send-wukongim"] = host => Send(host, ImProvider.WuKongIM, 10_000),
    ["send-wildfire"] = host => Send(host, ImProvider.Wildfire, 10_000),
    ["send-tencent"] = host => Send(host, ImProvider.TencentCloud, 1_000),
    ["send-tencent-distinct"] = host => SendDistinctTencent(host, 2_000),
    ["group-members-wildfire"] = host => WildfireGroupMembers(host, 20_000),
    ["users-wildfire"] = host => WildfireUsers(host, 2_000),
    ["journal-per-row"] = _ => Journal(100_000, batch: 1),
    ["journal-per-batch"] = _ => Journal(100_000, batch: 1_000),
    ["fsync-per-row"] = _ => FsyncPerRow(2_000),
};
if (args.Length > 0 && args[0] == "child") return ImAdmin.Bench.PowerShell.PipelineBench.Child(args.Skip(1).ToArray());
if (args.Length > 0 && args[0] == "cmdlets")
{
    // Cmdlets in hosted PowerShell: [rows] [distinct rows] [memory rows] [parts: batched,distinct,profile,csvprofile,call,memory,import]
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i]) : fallback;
    var parts = args.Length > 4 ? args[4].Split(',') : null;
    await ImAdmin.Bench.PowerShell.PipelineBench.RunAsync(RepoRoot(), Arg(1, 100_000), Arg(2, 2_000), Arg(3, 1_000_000), parts);
    return 0;
}
if (args.FirstOrDefault() == "faults") return await FaultRun.RunAsync(args.Skip(1).ToArray());
var chosen = args.Length == 0 || args.Contains("all") ? all.Keys.ToList() : args.ToList();
await using var host = await SandboxHost.StartAsync(new SandboxOptions { Seed = true, WildfireRateLimit = int.MaxValue });
Console.WriteLine(Measurement.Header);
foreach (var name in chosen)
{
    if (!all.TryGetValue(name, out var scenario))
    {
        Console.Error.WriteLine($"Unknown scenario '{name}'. Known: {string.Join(", ", all.Keys)}");
        return 2;
    }
    Console.WriteLine(await scenario(host));
}
return 0;

static Task<Measurement> Batcher(int rows) => Measurement.RunAsync("MessageBatcher: rows of 10 distinct texts", rows, () =>
{
    var batcher = new MessageBatcher(_ => 1000);
    var texts = Enumerable.Range(0, 10).Select(i => MessageContent.FromText("notice " + i)).ToArray();
    var batches = 0;
    var peak = 0;
    for (var i = 0; i < rows; i++)
    {
        batches += batcher.Add(new SendRequest("admin", "user" + i, ChannelType.Person, texts[i % 10])).Count;
        peak = Math.Max(peak, batcher.Buffered);
    }
    batches += batcher.Flush().Count;
    return Task.FromResult($"{batches} batches, at most {peak} rows buffered");
});

static Task<Measurement> Redact(int urls) => Measurement.RunAsync("Redactor: URL with usersig", urls, () =>
{
    var uri = new Uri("https://adminapisgp.im.qcloud.com/v4/openim/sendmsg?sdkappid=1400000000&identifier=administrator&usersig=eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokpuZl5mcUlRYkl&random=12345&contenttype=json");
    var length = 0;
    for (var i = 0; i < urls; i++) length += Redactor.RedactPathAndQuery(uri).Length;
    return Task.FromResult($"{length / urls} chars per redacted URL");
});

static Task<Measurement> UserSigs(int count) => Measurement.RunAsync("UserSig: generate + verify", count, () =>
{
    const string key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
    var now = DateTimeOffset.UtcNow;
    var length = 0;
    for (var i = 0; i < count; i++)
    {
        var sig = UserSig.Generate(1400000000, key, "user" + i, now, TimeSpan.FromDays(1));
        length += UserSigDecoder.Decode(sig).Identifier.Length > 0 ? sig.Length : 0;
    }
    return Task.FromResult($"{length / count} chars per sig");
});

static Task<Measurement> WebhookParse(int messages) => Measurement.RunAsync("Webhook: parse one msg.notify batch", messages, () =>
{
    var body = new StringBuilder("[");
    for (var i = 0; i < messages; i++)
    {
        if (i > 0) body.Append(',');
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"type\":1,\"content\":\"message {i}\"}}"));
        body.Append($"{{\"header\":{{\"no_persist\":0,\"red_dot\":1,\"sync_once\":0}},\"setting\":0,\"message_id\":{1000000 + i},\"message_idstr\":\"{1000000 + i}\",\"client_msg_no\":\"c{i}\",\"message_seq\":{i + 1},\"from_uid\":\"u1\",\"channel_id\":\"g1\",\"channel_type\":2,\"timestamp\":1700000000,\"payload\":\"{payload}\"}}");
    }
    body.Append(']');
    var result = WebhookParser.Parse(new WebhookRequest(ImProvider.WuKongIM, body.ToString(), "msg.notify"), new WebhookParseOptions());
    return Task.FromResult($"{result.Events.Count} events from {body.Length / 1024} KiB");
});

static Task<Measurement> Send(SandboxHost host, ImProvider provider, int rows) =>
    Measurement.RunAsync($"Send {provider}: person rows, one text, batched", rows, async () =>
    {
        var recipients = Enumerable.Range(0, rows).Select(i => "bench" + i).ToList();
        var request = BenchServers.Request(host, provider);
        using var session = await ImSession.ConnectAsync(request, _ => null, validate: true, CancellationToken.None);
        await BenchServers.PrepareRecipients(host, session, provider, recipients);
        var journal = BenchServers.Server(host, provider).Journal;
        var before = journal.Entries.Count;
        var batcher = new MessageBatcher(session.Client.GetBatchLimit);
        var content = MessageContent.FromText("Maintenance tonight 22:00-23:00 UTC");
        var failed = 0;
        async Task SendAll(IEnumerable<IReadOnlyList<SendRequest>> batches)
        {
            foreach (var batch in batches)
                failed += (await session.Client.SendAsync(batch, CancellationToken.None)).Count(r => !r.Succeeded);
        }
        foreach (var to in recipients) await SendAll(batcher.Add(new SendRequest("admin", to, ChannelType.Person, content)));
        await SendAll(batcher.Flush());
        return $"{journal.Entries.Count - before} server calls, {failed} failed";
    });

// The journal's cost per row: rows begun (flushed to disk) in groups of `batch` — one call per row or one batch call per
// 1,000 rows — then each row's outcome recorded.
static Task<Measurement> Journal(int rows, int batch) => Measurement.RunAsync($"RunJournal: begin per {batch:N0} row(s), outcome per row", rows, () =>
{
    var path = Path.Combine(Path.GetTempPath(), "imadmin-bench-" + Guid.NewGuid().ToString("N") + ".journal");
    try
    {
        using (var journal = ImAdmin.Engine.Bulk.RunJournal.Open(path))
        {
            var counter = new ImAdmin.Engine.Bulk.JournalKeyCounter();
            var group = new List<KeyValuePair<ImAdmin.Engine.Bulk.JournalKey, string>>(batch);
            for (var i = 0; i < rows; i++)
            {
                var label = "Person user" + i;
                group.Add(new(counter.Next(ImAdmin.Engine.Bulk.JournalKey.Of("admin", "Person", "user" + i, "same")), label));
                if (group.Count < batch && i < rows - 1) continue;
                journal.Begin(group);
                foreach (var row in group) journal.Record(row.Key, ImAdmin.Engine.Bulk.JournalState.Sent, row.Value);
                group.Clear();
            }
        }
        return Task.FromResult($"{new FileInfo(path).Length / rows} bytes per row on disk");
    }
    finally
    {
        File.Delete(path);
    }
});

// Why the journal does not flush every record to the disk: the price of one fsync per row on this machine.
static Task<Measurement> FsyncPerRow(int rows) => Measurement.RunAsync("A 125-byte line written and flushed to disk per row (not used)", rows, () =>
{
    var path = Path.Combine(Path.GetTempPath(), "imadmin-bench-" + Guid.NewGuid().ToString("N") + ".fsync");
    var line = new byte[125];
    using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096))
        for (var i = 0; i < rows; i++)
        {
            file.Write(line, 0, line.Length);
            file.Flush(flushToDisk: true);
        }
    File.Delete(path);
    return Task.FromResult("fsync per row");
});

// The repository root (where ImAdmin.sln is), found from the bench's own location; IMADMIN_BENCH_ROOT points elsewhere
// (a copy of the repository's out/ImAdmin, so the module can be rebuilt while a long run goes on).
static string RepoRoot()
{
    if (Environment.GetEnvironmentVariable("IMADMIN_BENCH_ROOT") is { Length: > 0 } root) return root;
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "ImAdmin.sln"))) return dir.FullName;
    throw new InvalidOperationException("Run the bench from inside the ImAdmin repository.");
}

// 2,000 rows of distinct text: each is its own openim/sendmsg call, so the client's 200-calls-per-second pacing is
// what is measured. A call the sandbox throttled (60007) would be retried and show up as an extra journal entry.
static Task<Measurement> SendDistinctTencent(SandboxHost host, int rows) =>
    Measurement.RunAsync("Send TencentCloud: distinct texts, one sendmsg each", rows, async () =>
    {
        const double limit = 200;
        // As many calls in flight as a bulk cmdlet keeps on Tencent by default (-ThrottleLimit).
        var inFlight = BulkDefaults.ThrottleLimit(ImProvider.TencentCloud);
        using var session = await ImSession.ConnectAsync(new ConnectionRequest
        {
            Provider = ImProvider.TencentCloud, Uri = host.TencentServer.BaseUri, SdkAppId = host.Options.TencentSdkAppId,
            SecretKey = ImSecret.FromPlainText(host.Options.TencentSecretKey), Identifier = host.Options.TencentAdmins[0],
        }, _ => null, validate: true, CancellationToken.None);
        var recipients = Enumerable.Range(0, 50).Select(i => "distinct" + i).ToList();
        await BenchServers.PrepareRecipients(host, session, ImProvider.TencentCloud, recipients);
        var before = host.TencentServer.Journal.Entries.Count;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Calls in flight, as a bulk run has: one loopback call takes longer than 5 ms here, so a single caller could
        // not reach 200/s and the pacing would not be tested.
        var failed = 0;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < rows)
            {
                var row = new SendRequest(null, recipients[i % recipients.Count], ChannelType.Person, MessageContent.FromText($"Ticket {i} was updated"));
                var results = await session.Client.SendAsync(new[] { row }, CancellationToken.None);
                Interlocked.Add(ref failed, results.Count(r => !r.Succeeded));
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var calls = host.TencentServer.Journal.Entries.Skip(before).Where(e => e.Path == "/v4/openim/sendmsg").Select(e => e.At).OrderBy(at => at).ToList();
        var busiestSecond = calls.Max(at => calls.Count(other => other >= at && other < at.AddSeconds(1)));
        // The pacing's own rate: calls after the first over the time from the first call to the last, as the server saw
        // them. The run's wall time also holds the connection set-up before the first call and the last answer's latency.
        var span = (calls[^1] - calls[0]).TotalSeconds;
        var paced = (calls.Count - 1) / span;
        return $"{calls.Count} sendmsg calls ({calls.Count - rows} retried after throttling), {failed} failed; first to last call {span:F2} s: " +
               $"{paced:F1} calls/s = {paced / limit:P1} of the 200/s limit; whole run {rows / seconds:F1} calls/s = {rows / seconds / limit:P1}; " +
               $"busiest sliding second {busiestSecond}; load average {LoadAverage()}";
    });

static Task<Measurement> WildfireGroupMembers(SandboxHost host, int members) =>
    Measurement.RunAsync("Wildfire group: add members, then list them", members, async () =>
    {
        using var session = await ConnectWildfire(host);
        var groups = session.Require<IGroupManager>("bench");
        var membership = session.Require<IGroupMembership>("bench");
        var groupId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        await groups.CreateGroupAsync(new GroupSpec(groupId), CancellationToken.None);
        var before = host.WildfireServer.Journal.Entries.Count;
        var ids = Enumerable.Range(0, members).Select(i => "m" + i).ToList();
        foreach (var chunk in ids.Chunk(membership.GroupMemberBatchLimit))
            await membership.AddGroupMembersAsync(groupId, chunk, CancellationToken.None);
        var listed = 0;
        await foreach (var _ in membership.GetGroupMembersAsync(groupId, 1000, CancellationToken.None)) listed++;
        return $"{host.WildfireServer.Journal.Entries.Count - before} server calls, {listed} members listed";
    });

static Task<Measurement> WildfireUsers(SandboxHost host, int users) =>
    Measurement.RunAsync("Wildfire users: get by id, then list all", users, async () =>
    {
        using var session = await ConnectWildfire(host);
        var client = session.Require<WildfireClient>("bench");
        var ids = Enumerable.Range(0, users).Select(i => "bu" + i).ToList();
        foreach (var id in ids) host.Wildfire.Directory.Users.Upsert(new System.Text.Json.Nodes.JsonObject { ["userId"] = id, ["name"] = id, ["portrait"] = "p" });
        var before = host.WildfireServer.Journal.Entries.Count;
        var found = (await client.GetUsersAsync(ids, CancellationToken.None)).Count(r => r.Succeeded);
        var listed = 0;
        await foreach (var _ in client.ListUsersAsync(0, 500, CancellationToken.None)) listed++;
        return $"{found} found by id, {listed} listed, {host.WildfireServer.Journal.Entries.Count - before} server calls";
    });

static Task<ImSession> ConnectWildfire(SandboxHost host) => ImSession.ConnectAsync(
    new ConnectionRequest { Provider = ImProvider.Wildfire, Uri = host.WildfireServer.BaseUri, Secret = ImSecret.FromPlainText(host.Options.WildfireSecret) },
    _ => null, validate: true, CancellationToken.None);

/// <summary>The 1-minute load average (Linux), so a rate can be read against how busy the host was.</summary>
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
