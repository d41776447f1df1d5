using ImAdmin.Engine.Providers.Capabilities;
using System.Text.Json;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Tencent;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;
using static ImAdmin.Engine.Tests.Tencent.TencentTestKit;

namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>openim/importmsg: one historical C2C message per call, its dedupe key derived from the row.</summary>
public class TencentImportTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string Api = "openim/importmsg";
    private static readonly DateTimeOffset SentAt = new(2021, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private Task<ImSession> ConnectAsync() => SandboxFixture.ConnectAsync(sandbox.TencentRequest());

    private static MessageImport Row(string from, string to, string text, ChannelType type = ChannelType.Person, string[]? receivers = null) =>
        new(new SendRequest(from, to, type, MessageContent.FromText(text)), SentAt, receivers);

    private static Task<ImSendResult> ImportAsync(ImSession session, MessageImport row, int sync = TencentClient.HistoricalImport) =>
        Client(session).ImportAsync(row, sync, CancellationToken.None);

    private IReadOnlyList<Sandbox.Tencent.TencentStoredMessage> Imported(string to) =>
        sandbox.Host.Tencent.State.MessagesTo(to).Where(m => m.Api == Api).ToList();

    [Fact]
    public async Task A_historical_import_keeps_the_original_time_and_is_marked_read()
    {
        using var session = await ConnectAsync();
        var (from, to) = (SandboxFixture.NewId("f"), SandboxFixture.NewId("t"));
        await TencentTestKit.ImportAsync(session, from, to);

        var result = await ImportAsync(session, Row(from, to, "from 2021"));

        var stored = Assert.Single(Imported(to));
        Assert.Equal((true, SentAt, SentAt.ToUnixTimeSeconds(), "from 2021"), (result.Succeeded, result.Timestamp, stored.MsgTime, stored.Text));
        Assert.Equal(0, sandbox.Host.Tencent.State.Unread(to, from));
        var body = Calls(sandbox.Host, Api).Last().Body;
        Assert.Contains("\"SyncFromOldSystem\":2", body);
        Assert.Contains($"\"MsgTimeStamp\":{SentAt.ToUnixTimeSeconds()}", body);
    }

    [Fact]
    public async Task A_realtime_import_counts_as_unread()
    {
        using var session = await ConnectAsync();
        var (from, to) = (SandboxFixture.NewId("f"), SandboxFixture.NewId("t"));
        await TencentTestKit.ImportAsync(session, from, to);

        await ImportAsync(session, Row(from, to, "live"), TencentClient.RealtimeImport);

        Assert.Contains("\"SyncFromOldSystem\":5", Calls(sandbox.Host, Api).Last().Body);
        Assert.Equal(1, sandbox.Host.Tencent.State.Unread(to, from));
    }

    [Fact]
    public async Task Re_importing_the_same_row_sends_the_same_key_and_stores_nothing_twice()
    {
        using var session = await ConnectAsync();
        var (from, to) = (SandboxFixture.NewId("f"), SandboxFixture.NewId("t"));
        await TencentTestKit.ImportAsync(session, from, to);

        await ImportAsync(session, Row(from, to, "same"));
        await ImportAsync(session, Row(from, to, "same"));
        await ImportAsync(session, Row(from, to, "other text"));

        var calls = Calls(sandbox.Host, Api).TakeLast(3).ToList();
        Assert.Equal(calls[0].Body, calls[1].Body);
        Assert.NotEqual(calls[0].Body, calls[2].Body);
        Assert.Equal(new[] { "same", "other text" }, Imported(to).Select(m => m.Text));
    }

    [Fact]
    public async Task Two_identical_looking_rows_are_both_imported_and_a_rerun_of_both_imports_nothing()
    {
        using var session = await ConnectAsync();
        var (from, to) = (SandboxFixture.NewId("f"), SandboxFixture.NewId("t"));
        await TencentTestKit.ImportAsync(session, from, to);

        async Task RunAsync()
        {
            var occurrences = new ImportOccurrences(((IMessageImporter)Client(session)).DefaultImportSender);
            foreach (var row in new[] { Row(from, to, "ok"), Row(from, to, "ok") })
            {
                occurrences.Number(row);
                Assert.True((await ImportAsync(session, row)).Succeeded);
            }
        }

        await RunAsync();
        await RunAsync();

        Assert.Equal(new[] { "ok", "ok" }, Imported(to).Select(m => m.Text));
        var keys = Calls(sandbox.Host, Api).TakeLast(4).Select(c => JsonDocument.Parse(c.Body).RootElement).Select(b => (b.GetProperty("MsgSeq").GetUInt32(), b.GetProperty("MsgRandom").GetUInt32())).ToList();
        Assert.NotEqual(keys[0], keys[1]);
        Assert.Equal(keys.Take(2), keys.Skip(2));
    }

    [Fact]
    public async Task The_sandbox_treats_the_same_key_in_either_direction_as_a_repeat_whatever_the_content()
    {
        var (a, b) = (SandboxFixture.NewId("a"), SandboxFixture.NewId("b"));
        sandbox.Host.Tencent.State.Import(a);
        sandbox.Host.Tencent.State.Import(b);
        string Body(string from, string to, string text) =>
            $$$"""{"SyncFromOldSystem":2,"From_Account":"{{{from}}}","To_Account":"{{{to}}}","MsgSeq":7,"MsgRandom":8,"MsgTimeStamp":1600000000,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"{{{text}}}"}}]}""";

        var first = await RawCallAsync(sandbox, Api, Body(a, b, "first"));
        var other = await RawCallAsync(sandbox, Api, Body(a, b, "other text"));
        var reverse = await RawCallAsync(sandbox, Api, Body(b, a, "reverse"));

        Assert.All(new[] { first, other, reverse }, r => Assert.Equal(0, r.GetInt("ErrorCode")));
        Assert.Equal(new[] { "first" }, sandbox.Host.Tencent.State.Messages.Where(m => m.From == a || m.From == b).Select(m => m.Text));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task The_sandbox_takes_SyncFromOldSystem_2_or_5_only(int sync)
    {
        var json = await RawCallAsync(sandbox, Api, $$$"""{"SyncFromOldSystem":{{{sync}}},"From_Account":"administrator","To_Account":"administrator","MsgRandom":1,"MsgTimeStamp":1600000000,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"x"}}]}""");

        Assert.Equal(90030, json.GetInt("ErrorCode"));
    }

    [Fact]
    public async Task Element_types_importmsg_does_not_take_are_refused_before_sending()
    {
        using var session = await ConnectAsync();
        var row = new MessageImport(new SendRequest("administrator", "administrator", ChannelType.Person,
            MessageContent.FromPayload(System.Text.Encoding.UTF8.GetBytes("""[{"MsgType":"TIMFileElem","MsgContent":{"Url":"https://x","FileName":"a"}}]"""))), SentAt, null);

        var error = await Assert.ThrowsAsync<ImInputException>(() => ImportAsync(session, row));

        Assert.Contains("importmsg takes only", error.Message);
    }

    [Fact]
    public async Task A_lost_answer_is_retried_and_imports_once()
    {
        using var session = await ConnectAsync();
        var (from, to) = (SandboxFixture.NewId("f"), SandboxFixture.NewId("t"));
        await TencentTestKit.ImportAsync(session, from, to);
        var before = Calls(sandbox.Host, Api).Count;
        sandbox.Host.TencentServer.Faults.Add(new Fault { Path = "/v4/" + Api, Status = 502, AfterProcessing = true });

        var result = await ImportAsync(session, Row(from, to, "exactly once"));

        Assert.True(result.Succeeded);
        Assert.Equal(2, Calls(sandbox.Host, Api).Count - before);
        Assert.Single(Imported(to));
    }

    [Fact]
    public async Task An_unknown_sender_keeps_the_servers_code()
    {
        using var session = await ConnectAsync();

        var ex = await Assert.ThrowsAsync<ImException>(() => ImportAsync(session, Row(SandboxFixture.NewId("nobody"), "administrator", "x")));

        Assert.Equal(90008, ex.ServerCode);
    }

    [Fact]
    public async Task Bad_rows_are_refused_before_sending_naming_the_parameter()
    {
        using var session = await ConnectAsync();
        var before = Calls(sandbox.Host, Api).Count;

        var group = await Assert.ThrowsAsync<ImInputException>(() => ImportAsync(session, Row("administrator", "g1", "x", ChannelType.Group)));
        var receivers = await Assert.ThrowsAsync<ImInputException>(() => ImportAsync(session, Row("administrator", "administrator", "x", receivers: ["a"])));
        var sync = await Assert.ThrowsAsync<ImInputException>(() => ImportAsync(session, Row("administrator", "administrator", "x"), 3));

        Assert.Equal(("ChannelType", "Receiver", "SyncFromOldSystem"), (group.ParameterName, receivers.ParameterName, sync.ParameterName));
        Assert.Equal(before, Calls(sandbox.Host, Api).Count);
    }

    [Theory]
    [InlineData("""{"From_Account":"administrator","To_Account":"administrator","MsgRandom":1,"MsgTimeStamp":1600000000,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"x"}}]}""", 90030)]
    [InlineData("""{"SyncFromOldSystem":2,"From_Account":"administrator","To_Account":"administrator","MsgRandom":1,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"x"}}]}""", 90006)]
    [InlineData("""{"SyncFromOldSystem":2,"From_Account":"administrator","To_Account":"administrator","MsgTimeStamp":1600000000,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"x"}}]}""", 90005)]
    public async Task The_sandbox_answers_missing_required_fields_with_their_codes(string body, int code)
    {
        var json = await RawCallAsync(sandbox, Api, body);

        Assert.Equal(("FAIL", code), (json.GetString("ActionStatus"), json.GetInt("ErrorCode")));
    }
}
