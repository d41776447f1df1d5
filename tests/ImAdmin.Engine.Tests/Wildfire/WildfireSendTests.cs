using System.Diagnostics;
using System.Text;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Providers.Wildfire;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;
using ImAdmin.Sandbox.Wildfire;
using Xunit.Abstractions;

namespace ImAdmin.Engine.Tests.Wildfire;

/// <summary>Send-ImMessage's Wildfire engine: send and multicast over loopback, stored as the server stores them.</summary>
public class WildfireSendTests(SandboxFixture sandbox, ITestOutputHelper output) : IClassFixture<SandboxFixture>, IDisposable
{
    private const string SendPath = "/admin/message/send";
    private const string MulticastPath = "/admin/message/multicast";

    private WildfireSandbox Server => sandbox.Host.Wildfire;

    public void Dispose()
    {
        sandbox.Host.WildfireServer.Faults.Clear();
        sandbox.Host.WildfireServer.Journal.Clear();
    }

    private static SendRequest Text(string? from, string to, string text, ChannelType type = ChannelType.Person) =>
        new(from, to, type, MessageContent.FromText(text));

    private async Task<(ImSession Session, string User)> ConnectWithUserAsync()
    {
        var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var user = SandboxFixture.NewId("u");
        await WildfireTestServer.CreateUserAsync(session, user);
        return (session, user);
    }

    private static Task<IReadOnlyList<ItemResult<ImSendResult>>> SendAsync(ImSession session, params SendRequest[] batch) =>
        WildfireTestServer.Client(session).SendAsync(batch, CancellationToken.None);

    [Fact]
    public async Task A_text_is_stored_in_searchableContent_with_persistFlag_3_as_sent_by_admin()
    {
        var (session, user) = await ConnectWithUserAsync();
        using var _ = session;

        var result = Assert.Single(await SendAsync(session, Text(null, user, "你好, Wildfire"))).Unwrap();

        Assert.True(result.Succeeded);
        Assert.Equal("admin", result.From);
        var stored = Server.Messages.Find(result.MessageId!.Value);
        Assert.NotNull(stored);
        Assert.Equal("你好, Wildfire", stored.SearchableContent);
        Assert.Null(stored.Content);
        Assert.Equal(1, stored.ContentType);
        Assert.Equal(3, stored.PersistFlag);
        Assert.Equal(("admin", 0, user, 0), (stored.Sender, stored.ConvType, stored.ConvTarget, stored.Line));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(stored.Timestamp), result.Timestamp);
    }

    [Theory]
    [InlineData(false, true, 1)]
    [InlineData(true, false, 4)]
    [InlineData(false, false, 4)]
    public async Task RedDot_and_Persist_choose_the_persistFlag(bool redDot, bool persist, int expected)
    {
        var (session, user) = await ConnectWithUserAsync();
        using var _ = session;
        var request = Text("bot", user, "flag");
        request.RedDot = redDot;
        request.Persist = persist;

        var result = Assert.Single(await SendAsync(session, request)).Unwrap();

        var delivered = Server.Messages.Delivered.Single(m => m.MessageUid == result.MessageId);
        Assert.Equal(expected, delivered.PersistFlag);
        // A transparent message is delivered but never stored, so get_one cannot find it.
        Assert.Equal(expected != WildfireMessageStore.Transparent, Server.Messages.Find(delivered.MessageUid) != null);
    }

    [Theory]
    [InlineData(ChannelType.Group, 1)]
    [InlineData(ChannelType.ChatRoom, 2)]
    [InlineData(ChannelType.Broadcast, 3)]
    public async Task Channel_types_map_to_conversation_types(ChannelType type, int convType)
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var target = SandboxFixture.NewId("t");
        await WildfireTestServer.PostAsync(session, type switch
        {
            ChannelType.Group => "/admin/group/create",
            ChannelType.ChatRoom => "/admin/chatroom/create",
            _ => "/admin/channel/create",
        }, type switch
        {
            ChannelType.Group => new { @operator = "admin", group = new { group_info = new { target_id = target, name = "g", owner = "admin" } } },
            ChannelType.ChatRoom => new { chatroomId = target, title = "room" },
            _ => (object)new { targetId = target, name = "news", owner = "admin" },
        });

        var result = Assert.Single(await SendAsync(session, Text("admin", target, "hello all", type))).Unwrap();

        Assert.True(result.Succeeded, result.Error);
        var stored = Server.Messages.Find(result.MessageId!.Value)!;
        Assert.Equal((convType, target), (stored.ConvType, stored.ConvTarget));
    }

    [Fact]
    public async Task A_missing_target_is_a_failed_row_with_the_server_code()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var request = Text("admin", "nobody-" + Guid.NewGuid().ToString("N"), "hi");
        request.Source = "row 7";

        var result = Assert.Single(await SendAsync(session, request));

        Assert.Equal((ItemOutcome.Failed, (object)request), (result.Outcome, result.Input));
        Assert.Equal(253, result.Error!.ServerCode);
        Assert.Equal(ImErrorKind.NotFound, result.Error.Kind);
        Assert.Contains("does not exist", result.Error.Message);
    }

    [Fact]
    public async Task A_channel_type_Wildfire_lacks_is_refused_before_sending()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());

        var ex = await Assert.ThrowsAsync<ImCapabilityException>(() => SendAsync(session, Text("admin", "x", "hi", ChannelType.CustomerService)));

        Assert.Equal(ImErrorKind.NotSupported, ex.Kind);
        Assert.Equal("ChannelType", ex.ParameterName);
        Assert.Contains("Wildfire", ex.Message);
        Assert.Equal(0, sandbox.Host.WildfireServer.Journal.Count(SendPath));
    }

    [Fact]
    public async Task A_raw_payload_is_sent_as_the_MessagePayload_object()
    {
        var (session, user) = await ConnectWithUserAsync();
        using var _ = session;
        var json = "{\"type\":1001,\"content\":\"card\",\"base64edData\":\"AAEC\",\"extra\":\"{}\"}";

        var result = Assert.Single(await SendAsync(session, new SendRequest(null, user, ChannelType.Person, MessageContent.FromPayload(Encoding.UTF8.GetBytes(json))))).Unwrap();

        var stored = Server.Messages.Find(result.MessageId!.Value)!;
        Assert.Equal(1001, stored.ContentType);
        Assert.Equal("card", stored.Content);
        Assert.Equal("AAEC", (string?)stored.Payload["base64edData"]);
        Assert.Equal(3, stored.PersistFlag);
    }

    [Theory]
    [InlineData("not json", "MessagePayload")]
    [InlineData("{\"content\":\"no type\"}", "integer content type")]
    [InlineData("{\"type\":1001,\"binaryContent\":\"AAEC\"}", "base64edData")]
    [InlineData("{\"type\":1001,\"base64edData\":\"***\"}", "base64")]
    public async Task A_payload_the_server_would_ignore_or_choke_on_is_refused_naming_the_parameter(string json, string hint)
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());

        var ex = await Assert.ThrowsAsync<ImInputException>(() => SendAsync(session,
            new SendRequest(null, "u", ChannelType.Person, MessageContent.FromPayload(Encoding.UTF8.GetBytes(json)))));

        Assert.Equal("Payload", ex.ParameterName);
        Assert.Contains(hint, ex.Message);
        Assert.Equal(0, sandbox.Host.WildfireServer.Journal.Count(SendPath));
    }

    [Fact]
    public async Task Many_person_rows_with_the_same_text_go_out_as_multicasts_of_1000()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var client = WildfireTestServer.Client(session);
        var batcher = new MessageBatcher(client.GetBatchLimit);
        var prefix = SandboxFixture.NewId("m");
        var clock = Stopwatch.StartNew();

        var results = new List<ImSendResult>();
        var batches = Enumerable.Range(0, 2500).SelectMany(i => batcher.Add(Text("ops", $"{prefix}-{i}", "maintenance at 22:00"))).ToList();
        batches.AddRange(batcher.Flush());
        foreach (var batch in batches) results.AddRange((await client.SendAsync(batch, CancellationToken.None)).Select(r => r.Unwrap()));
        clock.Stop();

        output.WriteLine($"multicast of 2,500 targets: {batches.Count} calls in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(3, sandbox.Host.WildfireServer.Journal.Count(MulticastPath));
        Assert.Equal(0, sandbox.Host.WildfireServer.Journal.Count(SendPath));
        Assert.Equal(2500, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => $"{prefix}-{i}"), results.Select(r => r.ChannelId));
        var perCall = results.GroupBy(r => r.MessageId).Select(g => g.Count()).ToList();
        Assert.Equal(new[] { 1000, 1000, 500 }, perCall);
        var stored = Server.Messages.Find(results[0].MessageId!.Value)!;
        Assert.Equal(("ops", 0, "ops"), (stored.Sender, stored.ConvType, stored.ConvTarget));
        Assert.Equal(1000, stored.ToUsers!.Count);
        Assert.Equal("maintenance at 22:00", stored.SearchableContent);
    }

    [Fact]
    public async Task Only_person_rows_without_a_ClientMsgNo_batch()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var client = WildfireTestServer.Client(session);
        var keyed = Text("a", "b", "t");
        keyed.ClientMsgNo = "k1";

        Assert.Equal(WildfireClient.MulticastBatchSize, client.GetBatchLimit(Text("a", "b", "t")));
        Assert.Equal(1, client.GetBatchLimit(keyed));
        Assert.Equal(1, client.GetBatchLimit(Text("a", "g", "t", ChannelType.Group)));
    }

    [Fact]
    public async Task A_send_whose_answer_is_lost_is_not_repeated_and_says_the_outcome_is_unknown()
    {
        var (session, user) = await ConnectWithUserAsync();
        using var _ = session;
        sandbox.Host.WildfireServer.Faults.Add(new Fault { Path = SendPath, Status = 502, AfterProcessing = true });
        var before = Server.Messages.Delivered.Count(m => m.ConvTarget == user);

        var ex = await Assert.ThrowsAsync<ImException>(() => SendAsync(session, Text("admin", user, "once only")));

        Assert.True(ex.OutcomeUnknown);
        Assert.Contains("The outcome is unknown", ex.Message);
        Assert.Equal(1, sandbox.Host.WildfireServer.Journal.Count(SendPath));
        Assert.Equal(before + 1, Server.Messages.Delivered.Count(m => m.ConvTarget == user));
    }

    [Fact]
    public async Task A_core_timeout_on_a_send_is_not_repeated_and_is_a_timeout_with_unknown_outcome()
    {
        var (session, user) = await ConnectWithUserAsync();
        using var _ = session;
        sandbox.Host.WildfireServer.Faults.Add(new Fault { Path = SendPath, Status = 200, AfterProcessing = true, Body = "{\"code\":249,\"msg\":\"timeout\"}" });

        var ex = await Assert.ThrowsAsync<ImException>(() => SendAsync(session, Text("admin", user, "maybe")));

        Assert.Equal(ImErrorKind.Timeout, ex.Kind);
        Assert.Equal(249, ex.ServerCode);
        Assert.True(ex.OutcomeUnknown);
        Assert.Contains("may still have been carried out", ex.Message);
        Assert.Equal(1, sandbox.Host.WildfireServer.Journal.Count(SendPath));
        Assert.Single(Server.Messages.Delivered, m => m.ConvTarget == user);
    }

    [Fact]
    public async Task A_core_timeout_on_an_idempotent_read_is_retried()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        sandbox.Host.WildfireServer.Faults.Add(new Fault { Path = "/admin/user/get_info", Status = 200, Body = "{\"code\":249,\"msg\":\"timeout\"}" });

        var user = await WildfireTestServer.PostAsync(session, "/admin/user/get_info", new { userId = "admin" });

        Assert.Equal("admin", user.GetProperty("userId").GetString());
        Assert.Equal(2, sandbox.Host.WildfireServer.Journal.Count("/admin/user/get_info"));
    }

    [Fact]
    public async Task Throttling_code_250_is_retried_even_for_a_send()
    {
        var (session, user) = await ConnectWithUserAsync();
        using var _ = session;
        sandbox.Host.WildfireServer.Faults.Add(new Fault { Path = SendPath, Status = 200, Times = 2, Body = "{\"code\":250,\"msg\":\"over frequency\",\"result\":{\"code\":250,\"msg\":\"over frequency\"}}" });
        var log = new RecordingLog();

        IReadOnlyList<ItemResult<ImSendResult>> results;
        using (ImLog.Use(log)) results = await SendAsync(session, Text("admin", user, "after the storm"));

        Assert.True(Assert.Single(results).Succeeded);
        Assert.Equal(3, sandbox.Host.WildfireServer.Journal.Count(SendPath));
        Assert.Single(Server.Messages.Delivered, m => m.ConvTarget == user);
        Assert.Contains(log.Verbose, l => l.Contains("throttled"));
    }

    [Fact]
    public async Task When_the_shared_admin_budget_stays_empty_the_error_is_rate_limited_with_the_server_code()
    {
        // Two requests per 10 s: connecting (health, online_count) spends both, and no token returns within the retries.
        await using var host = await WildfireTestServer.StartAsync(new ImAdmin.Sandbox.SandboxOptions { WildfireRateLimit = 2 });
        using var session = await SandboxFixture.ConnectAsync(WildfireTestServer.RequestFor(sandbox, host, SandboxFixture.FastRetries(2)));

        var ex = await Assert.ThrowsAsync<ImException>(() => SendAsync(session, Text("admin", "admin", "too much")));

        Assert.Equal(ImErrorKind.RateLimited, ex.Kind);
        Assert.Equal(250, ex.ServerCode);
        Assert.Contains("http.admin.rate_limit", ex.Message);
        Assert.Equal(3, host.WildfireServer.Journal.Count(SendPath));
        Assert.Empty(host.Wildfire.Messages.Delivered);
    }

    [Fact]
    public async Task A_professional_edition_route_is_reported_as_not_supported_naming_the_edition()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());

        var ex = await Assert.ThrowsAsync<ImException>(() => WildfireTestServer.PostAsync(session, "/admin/message/delete", new { messageUid = 1 }));

        Assert.Equal(ImErrorKind.NotSupported, ex.Kind);
        Assert.Equal(500, ex.HttpStatus);
        Assert.Contains("professional edition", ex.Message);
        Assert.Contains("POST /admin/message/delete", ex.Message);
        // An empty 500 is not retried; three unsigned probes (rejected before any handler would run) confirm the route is absent.
        var calls = sandbox.Host.WildfireServer.Journal.Entries.Where(e => e.Path == "/admin/message/delete").ToList();
        Assert.Equal(4, calls.Count);
        Assert.All(calls, c => Assert.Equal(500, c.Status));
    }

    [Fact]
    public async Task Sends_never_log_the_secret_or_a_sign()
    {
        var (session, user) = await ConnectWithUserAsync();
        using var _ = session;
        var log = new RecordingLog();

        using (ImLog.Use(log)) await SendAsync(session, Text("admin", user, "quiet"));

        Assert.Contains(log.Debug, l => l.Contains("searchableContent"));
        var signs = Server.SignedRequests.Where(r => r.Sign != null).Select(r => r.Sign!).ToList(); // route probes go unsigned
        Assert.All(log.All, l =>
        {
            Assert.DoesNotContain(sandbox.Options.WildfireSecret, l);
            Assert.DoesNotContain(signs, s => l.Contains(s));
        });
    }

    [Fact]
    public async Task One_empty_HTTP_500_on_a_route_the_server_has_is_a_failure_with_unknown_outcome_after_one_unsigned_probe()
    {
        var (session, user) = await ConnectWithUserAsync();
        using var _ = session;
        var before = sandbox.Host.WildfireServer.Journal.Count(SendPath);
        sandbox.Host.WildfireServer.Faults.Add(new Fault { Path = SendPath, Status = 500 });

        var ex = await Assert.ThrowsAsync<ImException>(() => SendAsync(session, Text("admin", user, "transient")));

        Assert.Equal(ImErrorKind.ServerError, ex.Kind);
        Assert.True(ex.OutcomeUnknown);
        Assert.DoesNotContain("professional edition", ex.Message);
        // The send, then one unsigned probe that the existing route rejected (code 239) before doing anything.
        Assert.Equal(2, sandbox.Host.WildfireServer.Journal.Count(SendPath) - before);
        Assert.Contains(Server.SignedRequests, r => r.Path == SendPath && r.Code == 239);
    }

    [Fact]
    public async Task A_route_that_answered_once_is_not_probed_again_and_never_called_missing()
    {
        var (session, user) = await ConnectWithUserAsync();
        using var _ = session;
        await SendAsync(session, Text("admin", user, "first"));
        var before = sandbox.Host.WildfireServer.Journal.Count(SendPath);
        sandbox.Host.WildfireServer.Faults.Add(new Fault { Path = SendPath, Status = 500, Times = 5 });

        var ex = await Assert.ThrowsAsync<ImException>(() => SendAsync(session, Text("admin", user, "second")));

        Assert.Equal(ImErrorKind.ServerError, ex.Kind);
        Assert.Equal(1, sandbox.Host.WildfireServer.Journal.Count(SendPath) - before);
        sandbox.Host.WildfireServer.Faults.Clear();
    }
}
