using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;
using Xunit.Abstractions;
using static ImAdmin.Engine.Tests.Tencent.TencentTestKit;

namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>C2C sends: sendmsg for single rows (deduped, so retried), batchsendmsg for shared content (≤500, partial failures).</summary>
public class TencentSendTests(SandboxFixture sandbox, ITestOutputHelper output) : IClassFixture<SandboxFixture>
{
    private const string SendApi = "openim/sendmsg";
    private const string BatchApi = "openim/batchsendmsg";

    private Task<ImSession> ConnectAsync() => SandboxFixture.ConnectAsync(sandbox.TencentRequest());

    private static Task<IReadOnlyList<ItemResult<ImSendResult>>> SendAsync(ImSession session, params SendRequest[] rows) =>
        Client(session).SendAsync(rows, CancellationToken.None);

    [Fact]
    public async Task A_single_row_is_sent_with_sendmsg_as_the_admin_and_returns_the_MsgKey()
    {
        using var session = await ConnectAsync();
        var alice = (await ImportAsync(session, SandboxFixture.NewId("alice")))[0];
        var row = Text(alice, "hello 你好");
        row.Source = "row-1";

        var result = Assert.Single(await SendAsync(session, row)).Unwrap();

        var stored = Assert.Single(sandbox.Host.Tencent.State.MessagesTo(alice));
        Assert.True(result.Succeeded);
        Assert.Equal(stored.MsgKey, result.MessageKey);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(stored.MsgTime), result.Timestamp);
        Assert.Equal((ImProvider.TencentCloud, alice, ChannelType.Person), (result.Provider, result.ChannelId, result.ChannelType));
        Assert.Equal("administrator", stored.From);
        Assert.Equal("hello 你好", stored.Text);
        Assert.Equal(SendApi, stored.Api);
        Assert.Null(stored.MsgLifeTime);
        Assert.Empty(stored.SendMsgControl);
        var body = JsonDocument.Parse(Calls(sandbox.Host, SendApi).Last().Body).RootElement;
        Assert.False(body.TryGetProperty("From_Account", out _));
        Assert.Equal("""[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hello 你好"}}]""", body.GetProperty("MsgBody").GetRawText());
    }

    [Fact]
    public async Task Sender_and_flags_map_to_From_Account_NoUnread_and_an_online_only_lifetime()
    {
        using var session = await ConnectAsync();
        var ids = await ImportAsync(session, SandboxFixture.NewId("from"), SandboxFixture.NewId("to"));
        var row = Text(ids[1], "quiet", from: ids[0]);
        row.RedDot = false;
        row.Persist = false;

        Assert.True(Assert.Single(await SendAsync(session, row)).Unwrap().Succeeded);

        var stored = Assert.Single(sandbox.Host.Tencent.State.MessagesTo(ids[1]));
        Assert.Equal(ids[0], stored.From);
        Assert.Equal(["NoUnread"], stored.SendMsgControl);
        Assert.Equal(0, stored.MsgLifeTime);
    }

    [Fact]
    public async Task A_UTF8_payload_becomes_a_TIMCustomElem_and_binary_is_refused_before_sending()
    {
        using var session = await ConnectAsync();
        var to = (await ImportAsync(session, SandboxFixture.NewId("custom")))[0];
        const string json = """{"type":"order","id":42,"note":"ünïcode"}""";

        await SendAsync(session, new SendRequest(null, to, ChannelType.Person, MessageContent.FromPayload(Encoding.UTF8.GetBytes(json))));

        var element = Assert.Single(sandbox.Host.Tencent.State.MessagesTo(to)).MsgBody[0];
        Assert.Equal("TIMCustomElem", element.GetProperty("MsgType").GetString());
        Assert.Equal(json, element.GetProperty("MsgContent").GetProperty("Data").GetString());

        var before = Calls(sandbox.Host, SendApi).Count;
        var ex = await Assert.ThrowsAsync<ImInputException>(() =>
            SendAsync(session, new SendRequest(null, to, ChannelType.Person, MessageContent.FromPayload([0xFF, 0xFE, 0x00]))));
        Assert.Equal("Payload", ex.ParameterName);
        Assert.Equal(before, Calls(sandbox.Host, SendApi).Count);
    }

    [Fact]
    public async Task A_lost_answer_is_retried_with_the_same_MsgRandom_and_MsgSeq_and_creates_no_duplicate()
    {
        using var session = await ConnectAsync();
        var to = (await ImportAsync(session, SandboxFixture.NewId("lost")))[0];
        var before = Calls(sandbox.Host, SendApi).Count;
        sandbox.Host.TencentServer.Faults.Add(new Fault { Path = "/v4/" + SendApi, Status = 502, AfterProcessing = true });

        var result = Assert.Single(await SendAsync(session, Text(to, "exactly once"))).Unwrap();

        var attempts = Calls(sandbox.Host, SendApi).Skip(before).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Body, attempts[1].Body);
        Assert.NotEqual(Query(attempts[0], "random"), Query(attempts[1], "random"));
        var stored = Assert.Single(sandbox.Host.Tencent.State.MessagesTo(to));
        Assert.True(result.Succeeded);
        Assert.Equal(stored.MsgKey, result.MessageKey);
    }

    [Fact]
    public async Task A_ClientMsgNo_makes_a_rerun_deduplicate_and_differs_per_recipient()
    {
        using var session = await ConnectAsync();
        var ids = await ImportAsync(session, SandboxFixture.NewId("cmn"), SandboxFixture.NewId("cmn"));
        var clientMsgNo = SandboxFixture.NewId("campaign");
        SendRequest Row(string to) => new(null, to, ChannelType.Person, MessageContent.FromText("once")) { ClientMsgNo = clientMsgNo };

        var first = Assert.Single(await SendAsync(session, Row(ids[0]))).Unwrap();
        var rerun = Assert.Single(await SendAsync(session, Row(ids[0]))).Unwrap();
        var other = Assert.Single(await SendAsync(session, Row(ids[1]))).Unwrap();

        Assert.Equal(first.MessageKey, rerun.MessageKey);
        Assert.Equal(clientMsgNo, rerun.ClientMsgNo);
        Assert.Single(sandbox.Host.Tencent.State.MessagesTo(ids[0]));
        Assert.Single(sandbox.Host.Tencent.State.MessagesTo(ids[1]));
        Assert.NotEqual(first.MessageKey, other.MessageKey);
    }

    [Fact]
    public async Task Messages_of_one_session_get_increasing_MsgSeq_so_same_second_messages_keep_their_order()
    {
        using var session = await ConnectAsync();
        var to = (await ImportAsync(session, SandboxFixture.NewId("order")))[0];
        foreach (var text in new[] { "one", "two", "three" }) await SendAsync(session, Text(to, text));
        var seqs = sandbox.Host.Tencent.State.MessagesTo(to).Select(m => m.MsgSeq).ToList();
        Assert.Equal(seqs.Order().ToList(), seqs);
        Assert.Equal(3, seqs.Distinct().Count());
    }

    [Fact]
    public async Task An_unknown_single_recipient_fails_the_call_with_the_server_code()
    {
        using var session = await ConnectAsync();
        var ex = await Assert.ThrowsAsync<ImException>(() => SendAsync(session, Text(SandboxFixture.NewId("ghost"), "hi")));
        Assert.Equal(ImErrorKind.NotFound, ex.Kind);
        Assert.Equal(90012, ex.ServerCode);
        Assert.Contains("Import the account", ex.Message);
    }

    [Fact]
    public async Task Batch_limits_follow_the_channel_type_and_ClientMsgNo()
    {
        using var session = await ConnectAsync();
        var client = Client(session);
        Assert.Equal(500, client.GetBatchLimit(Text("a", "x")));
        Assert.Equal(1, client.GetBatchLimit(new SendRequest(null, "a", ChannelType.Person, MessageContent.FromText("x")) { ClientMsgNo = "n1" }));
        Assert.Equal(1, client.GetBatchLimit(new SendRequest(null, "g", ChannelType.Group, MessageContent.FromText("x"))));
    }

    [Fact]
    public async Task A_channel_type_other_than_Person_or_Group_is_a_clear_capability_error_and_nothing_is_sent()
    {
        using var session = await ConnectAsync();
        var before = sandbox.Host.TencentServer.Journal.Entries.Count;
        var ex = await Assert.ThrowsAsync<ImCapabilityException>(() =>
            SendAsync(session, new SendRequest(null, "c1", ChannelType.Community, MessageContent.FromText("x"))));
        Assert.Equal(ImErrorKind.NotSupported, ex.Kind);
        Assert.Contains("TencentCloud", ex.Message);
        Assert.Contains("Community", ex.Message);
        Assert.Equal(before, sandbox.Host.TencentServer.Journal.Entries.Count);
    }

    [Fact]
    public async Task A_recipient_id_over_32_bytes_is_refused_naming_ChannelId()
    {
        using var session = await ConnectAsync();
        var ex = await Assert.ThrowsAsync<ImInputException>(() => SendAsync(session, Text(new string('x', 33), "hi")));
        Assert.Equal("ChannelId", ex.ParameterName);
    }

    [Fact]
    public async Task Twelve_hundred_recipients_take_three_batchsendmsg_calls()
    {
        using var session = await ConnectAsync();
        var ids = await ImportAsync(session, NewIds("bulk", 1200));
        var client = Client(session);
        var batcher = new MessageBatcher(client.GetBatchLimit);
        var batches = ids.SelectMany(id => batcher.Add(Text(id, "maintenance tonight"))).ToList();
        batches.AddRange(batcher.Flush());
        var before = Calls(sandbox.Host, BatchApi).Count;

        var clock = Stopwatch.StartNew();
        var results = new List<ImSendResult>();
        foreach (var batch in batches) results.AddRange((await client.SendAsync(batch, CancellationToken.None)).Select(r => r.Unwrap()));
        output.WriteLine($"1200 recipients in {batches.Count} batchsendmsg calls: {clock.ElapsedMilliseconds} ms");

        var calls = Calls(sandbox.Host, BatchApi).Skip(before).ToList();
        Assert.Equal(3, calls.Count);
        Assert.Equal([500, 500, 200], calls.Select(c => JsonDocument.Parse(c.Body).RootElement.GetProperty("To_Account").GetArrayLength()));
        Assert.Equal(ids, results.Select(r => r.ChannelId));
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(3, results.Select(r => r.MessageKey).Distinct().Count());
        Assert.All(ids, id => Assert.Equal(BatchApi, Assert.Single(sandbox.Host.Tencent.State.MessagesTo(id)).Api));
    }

    [Fact]
    public async Task One_call_with_more_than_500_rows_is_split_into_chunks()
    {
        using var session = await ConnectAsync();
        var ids = await ImportAsync(session, NewIds("chunk", 501));
        var before = Calls(sandbox.Host, BatchApi).Count;
        var results = await SendAsync(session, ids.Select(id => Text(id, "split")).ToArray());
        Assert.Equal(501, results.Count);
        Assert.Equal(2, Calls(sandbox.Host, BatchApi).Count - before);
    }

    [Fact]
    public async Task An_ErrorList_fails_exactly_the_rows_it_names()
    {
        using var session = await ConnectAsync();
        var known = await ImportAsync(session, SandboxFixture.NewId("ok"), SandboxFixture.NewId("ok"));
        string ghost1 = SandboxFixture.NewId("ghost"), ghost2 = SandboxFixture.NewId("ghost");
        var rows = new[] { known[0], ghost1, known[1], ghost2 }.Select((id, i) => { var r = Text(id, "partial"); r.Source = i; return r; }).ToArray();

        var results = await SendAsync(session, rows);

        Assert.Equal([true, false, true, false], results.Select(r => r.Succeeded));
        Assert.Equal(rows, results.Select(r => r.Input));
        foreach (var failed in new[] { results[1], results[3] })
        {
            Assert.Equal(ItemOutcome.Failed, failed.Outcome);
            Assert.Equal(70107, failed.Error!.ServerCode);
            Assert.Contains("not imported", failed.Error.Message);
            Assert.Equal(ImErrorKind.NotFound, failed.Error.Kind);
            Assert.Contains(((SendRequest)failed.Input).ChannelId, failed.Error.Message);
        }
        Assert.Equal(results[0].Value!.MessageKey, results[2].Value!.MessageKey);
        Assert.NotNull(results[0].Value!.MessageKey);
        Assert.Single(sandbox.Host.Tencent.State.MessagesTo(known[1]));
        Assert.Empty(sandbox.Host.Tencent.State.MessagesTo(ghost1));
    }

    [Fact]
    public async Task A_batch_in_which_every_recipient_fails_throws()
    {
        using var session = await ConnectAsync();
        var ex = await Assert.ThrowsAsync<ImException>(() =>
            SendAsync(session, Text(SandboxFixture.NewId("ghost"), "x"), Text(SandboxFixture.NewId("ghost"), "x")));
        Assert.Equal(ImErrorKind.NotFound, ex.Kind);
        Assert.Equal(90012, ex.ServerCode);
    }

    [Fact]
    public async Task A_throttled_batch_is_retried_because_the_server_did_not_process_it()
    {
        using var session = await ConnectAsync();
        var ids = await ImportAsync(session, NewIds("throttled", 3));
        var before = Calls(sandbox.Host, BatchApi).Count;
        sandbox.Host.TencentServer.Faults.Add(EnvelopeFault(BatchApi, 60007, "REST API call frequency exceeded"));

        var results = await SendAsync(session, ids.Select(id => Text(id, "after throttling")).ToArray());

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(2, Calls(sandbox.Host, BatchApi).Count - before);
        Assert.All(ids, id => Assert.Single(sandbox.Host.Tencent.State.MessagesTo(id)));
    }

    [Fact]
    public async Task A_batch_whose_answer_was_lost_is_not_repeated()
    {
        using var session = await ConnectAsync();
        var ids = await ImportAsync(session, NewIds("nodup", 2));
        var before = Calls(sandbox.Host, BatchApi).Count;
        sandbox.Host.TencentServer.Faults.Add(new Fault { Path = "/v4/" + BatchApi, Status = 502, AfterProcessing = true });

        var ex = await Assert.ThrowsAsync<ImException>(() => SendAsync(session, ids.Select(id => Text(id, "maybe")).ToArray()));

        Assert.Equal(502, ex.HttpStatus);
        Assert.Equal(1, Calls(sandbox.Host, BatchApi).Count - before);
        Assert.All(ids, id => Assert.Single(sandbox.Host.Tencent.State.MessagesTo(id)));
    }

    [Fact]
    public async Task An_unknown_sender_fails_the_whole_batch()
    {
        using var session = await ConnectAsync();
        var ids = await ImportAsync(session, NewIds("to", 2));
        var ex = await Assert.ThrowsAsync<ImException>(() =>
            SendAsync(session, ids.Select(id => Text(id, "x", from: SandboxFixture.NewId("nobody"))).ToArray()));
        Assert.Equal(20003, ex.ServerCode);
        Assert.Equal(ImErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task An_over_long_recipient_fails_only_its_row_and_the_rest_of_the_batch_is_sent()
    {
        using var session = await ConnectAsync();
        var ids = await ImportAsync(session, NewIds("long", 2));
        var tooLong = new string('x', 33);
        var rows = new[] { ids[0], tooLong, ids[1] }.Select(id => Text(id, "one bad row")).ToArray();

        var results = await SendAsync(session, rows);

        Assert.Equal([true, false, true], results.Select(r => r.Succeeded));
        var refused = Assert.IsType<ImInputException>(results[1].Error);
        Assert.Equal("ChannelId", refused.ParameterName);
        Assert.Equal(ItemOutcome.Failed, results[1].Outcome);
        Assert.All(ids, id => Assert.Single(sandbox.Host.Tencent.State.MessagesTo(id)));
    }

    [Fact]
    public async Task A_lost_batch_answer_next_to_a_refused_row_leaves_only_the_sent_rows_unknown()
    {
        using var session = await ConnectAsync();
        var ids = await ImportAsync(session, NewIds("lostmix", 2));
        sandbox.Host.TencentServer.Faults.Add(new Fault { Path = "/v4/" + BatchApi, Status = 503, AfterProcessing = true });
        var rows = new[] { ids[0], new string('y', 40), ids[1] }.Select(id => Text(id, "mixed")).ToArray();

        var results = await SendAsync(session, rows);

        Assert.Equal([ItemOutcome.Unknown, ItemOutcome.Failed, ItemOutcome.Unknown], results.Select(r => r.Outcome));
        Assert.Contains("The outcome is unknown", results[0].Error!.Message);
        Assert.All(ids, id => Assert.Single(sandbox.Host.Tencent.State.MessagesTo(id)));
    }
}
