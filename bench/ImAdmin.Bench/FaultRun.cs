using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Webhooks.Listener;
using ImAdmin.Sandbox;
using ImAdmin.Sandbox.Faults;
using ImAdmin.Sandbox.WuKongIM;

namespace ImAdmin.Bench;

/// <summary>
/// Bulk sends under injected faults, checked against what the sandbox really stored: every row must come back
/// sent, failed (and then not stored) or unknown, and no message may be stored twice. Faults hit every API path at
/// the given rate, half before processing (429, 503, 500) and half after it (500, 503, reset connection), from fixed
/// seeds. Then the webhook listener's answer times with 16 stalled senders. Usage: ImAdmin.Bench faults [rows].
/// </summary>
internal static class FaultRun
{
    private const string Sender = "admin";
    private const int BatchRows = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 2000;
        Console.WriteLine("| Provider | Text | Fault rate | Rows | Sent | Failed | Unknown (of them stored) | Stored twice | Lost | Failed but stored | Calls | Seconds |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        var bad = 0;
        foreach (var provider in new[] { ImProvider.WuKongIM, ImProvider.TencentCloud, ImProvider.Wildfire })
        foreach (var distinct in new[] { false, true })
        foreach (var rate in new[] { 0.10, 0.30 })
        {
            var line = await OneRunAsync(provider, distinct, rate, rows);
            Console.WriteLine(line.Text);
            if (!line.Ok) bad++;
        }
        Console.WriteLine();
        Console.WriteLine(await ListenerStallAsync());
        return bad == 0 ? 0 : 1;
    }

    private static RetryPolicy Policy() => new()
    {
        MaxRetries = 4,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalBudget = TimeSpan.FromSeconds(30),
        SettleWindow = TimeSpan.FromMilliseconds(300),
    };

    private static async Task<(string Text, bool Ok)> OneRunAsync(ImProvider provider, bool distinct, double rate, int rows)
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions
        {
            WildfireRateLimit = int.MaxValue, TencentCallsPerSecond = int.MaxValue, TencentBatchRecipientsPerMinute = int.MaxValue,
            WuKongStoreDelay = TimeSpan.FromMilliseconds(50),
        });
        var recipients = Enumerable.Range(0, rows).Select(i => "fr" + i.ToString("D5")).ToList();
        using var session = await ImSession.ConnectAsync(BenchServers.Request(host, provider, Policy()), _ => null, validate: true, CancellationToken.None);
        await BenchServers.PrepareRecipients(host, session, provider, recipients);
        var server = BenchServers.Server(host, provider);
        Arm(server.Faults, rate);
        var before = server.Journal.Entries.Count;

        var outcome = new Dictionary<string, string>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        // Batches of at most 100 rows, so a same-text run makes enough batch calls for the faults to hit some.
        var batcher = new MessageBatcher(r => Math.Min(BatchRows, session.Client.GetBatchLimit(r)));
        async Task SendAll(IEnumerable<IReadOnlyList<SendRequest>> batches)
        {
            foreach (var batch in batches)
            {
                IReadOnlyList<ItemResult<ImSendResult>> results;
                try
                {
                    results = await session.Client.SendAsync(batch, CancellationToken.None);
                }
                catch (ImException ex) when (!ex.EndsRun)
                {
                    // As Send-ImMessage does: a failed call fails each of its rows, unknown when it may have acted.
                    results = batch.Select(r => ItemResult<ImSendResult>.Of(r, ex)).ToList();
                }
                for (var i = 0; i < batch.Count; i++)
                    outcome[batch[i].ChannelId] = results[i].Outcome switch { ItemOutcome.Succeeded => "sent", ItemOutcome.Unknown => "unknown", _ => "failed" };
            }
        }
        for (var i = 0; i < rows; i++)
        {
            var text = distinct ? $"notice {i}" : "Maintenance tonight 22:00-23:00 UTC";
            await SendAll(batcher.Add(new SendRequest(Sender, recipients[i], ChannelType.Person, MessageContent.FromText(text))));
        }
        await SendAll(batcher.Flush());
        var seconds = clock.Elapsed.TotalSeconds;
        server.Faults.Clear();
        var calls = server.Journal.Entries.Count - before;
        await Task.Delay(300); // let the delayed WuKongIM store catch up before counting

        int sent = 0, failed = 0, unknown = 0, unknownStored = 0, twice = 0, lost = 0, failedStored = 0;
        foreach (var to in recipients)
        {
            var stored = StoredCount(host, provider, to);
            if (stored > 1) twice++;
            switch (outcome.GetValueOrDefault(to, "none"))
            {
                case "sent": sent++; if (stored == 0) lost++; break;
                case "failed": failed++; if (stored > 0) failedStored++; break;
                case "unknown": unknown++; if (stored > 0) unknownStored++; break;
                default: lost++; break;
            }
        }
        var ok = twice == 0 && lost == 0 && failedStored == 0 && sent + failed + unknown == rows;
        return ($"| {provider} | {(distinct ? "distinct" : "same")} | {rate:P0} | {rows} | {sent} | {failed} | {unknown} ({unknownStored}) | {twice} | {lost} | {failedStored} | {calls} | {seconds:0.0} |", ok);
    }

    /// <summary>Six kinds of fault on every path, each at a sixth of the rate, with fixed seeds.</summary>
    private static void Arm(FaultInjector faults, double rate)
    {
        var share = rate / 6;
        faults.Add(new Fault { Status = 429, Rate = share, Seed = 1 });
        faults.Add(new Fault { Status = 503, Rate = share, Seed = 2 });
        faults.Add(new Fault { Status = 500, Rate = share, Seed = 3 });
        faults.Add(new Fault { Status = 500, AfterProcessing = true, Rate = share, Seed = 4 });
        faults.Add(new Fault { Status = 503, AfterProcessing = true, Rate = share, Seed = 5 });
        faults.Add(new Fault { Reset = true, AfterProcessing = true, Rate = share, Seed = 6 });
    }

    private static int StoredCount(SandboxHost host, ImProvider provider, string to) => provider switch
    {
        ImProvider.WuKongIM => host.WuKong.State.Messages(new ChannelKey(PersonChannel.InternalId(Sender, to), ChannelKey.Person)).Count,
        ImProvider.TencentCloud => host.Tencent.State.MessagesTo(to).Count,
        _ => host.Wildfire.Messages.Delivered.Count(m => m.ToUsers == null ? m.ConvTarget == to : m.ToUsers.Contains(to)),
    };

    /// <summary>16 senders stall mid-body (half with a foreign Host); 50 others are answered meanwhile.</summary>
    private static async Task<string> ListenerStallAsync()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var listener = WebhookListener.Start(new WebhookListenerOptions { Provider = ImProvider.WuKongIM, Prefix = $"http://127.0.0.1:{port}/hook/", RequestReadTimeout = TimeSpan.FromSeconds(1) });
        var stalled = new List<TcpClient>();
        for (var i = 0; i < 16; i++)
        {
            var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            var head = Encoding.ASCII.GetBytes($"POST /hook/?event=msg.notify HTTP/1.1\r\nHost: {(i % 2 == 0 ? "elsewhere.example" : "127.0.0.1")}\r\nContent-Length: 1000\r\n\r\n[");
            await client.GetStream().WriteAsync(head);
            stalled.Add(client);
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        const string body = """[{"message_id":7,"message_seq":1,"client_msg_no":"c","from_uid":"a","channel_id":"b","channel_type":1,"timestamp":1700000000,"payload":"eyJ0eXBlIjoxLCJjb250ZW50IjoiaGkifQ=="}]""";
        var times = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.PostAsync($"http://127.0.0.1:{port}/hook/?event=msg.notify", new StringContent(body, Encoding.UTF8, "application/json"));
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        await Task.Delay(1500);
        var dropped = listener.TakeDropped().Count;
        stalled.ForEach(c => c.Dispose());
        times.Sort();
        return $"Listener with 16 stalled senders (read bound 1 s): 50 requests answered, median {times[times.Count / 2]:0.0} ms, max {times[^1]:0.0} ms; {dropped} stalled requests dropped and reported.";
    }
}
