using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;
using static ImAdmin.Engine.Tests.Tencent.TencentTestKit;

namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>Send to a Tencent group: group_open_http_svc/send_group_msg, one call per group, deduped by Random.</summary>
public class TencentGroupSendTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string Api = "group_open_http_svc/send_group_msg";

    private Task<ImSession> ConnectAsync() => SandboxFixture.ConnectAsync(sandbox.TencentRequest());

    private string NewGroup()
    {
        Assert.True(sandbox.Host.Tencent.State.TryCreateGroup(SandboxFixture.NewId("g"), out var groupId));
        return groupId;
    }

    private static SendRequest GroupText(string groupId, string text, string? from = null) =>
        new(from, groupId, ChannelType.Group, MessageContent.FromText(text));

    private static async Task<ImSendResult> SendAsync(ImSession session, SendRequest request) =>
        Assert.Single(await Client(session).SendAsync(new[] { request }, CancellationToken.None)).Unwrap();

    [Fact]
    public async Task A_group_message_is_stored_and_its_MsgSeq_and_MsgTime_come_back()
    {
        using var session = await ConnectAsync();
        var sender = (await ImportAsync(session, SandboxFixture.NewId("s")))[0];
        var group = NewGroup();

        var result = await SendAsync(session, GroupText(group, "hello group", sender));

        var stored = Assert.Single(sandbox.Host.Tencent.State.GroupMessages(group));
        Assert.Equal((true, ChannelType.Group, group, sender), (result.Succeeded, result.ChannelType, result.ChannelId, stored.From));
        Assert.Equal(stored.MsgSeq, result.MessageSequence);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(stored.MsgTime), result.Timestamp);
        Assert.Null(result.MessageKey);
        var body = Calls(sandbox.Host, Api).Last().Body;
        Assert.Contains($"\"GroupId\":\"{group}\"", body);
        Assert.Contains($"\"Random\":{stored.Random}", body);
        Assert.Contains("\"Text\":\"hello group\"", body);
    }

    [Fact]
    public async Task An_unknown_group_keeps_the_servers_code_and_is_not_retried()
    {
        using var session = await ConnectAsync();
        var before = Calls(sandbox.Host, Api).Count;

        var ex = await Assert.ThrowsAsync<ImException>(() => SendAsync(session, GroupText("no-such-group", "hi")));

        Assert.Equal((ImErrorKind.NotFound, 10010), (ex.Kind, ex.ServerCode));
        Assert.Contains("does not exist", ex.ServerMessage);
        Assert.Equal(before + 1, Calls(sandbox.Host, Api).Count);
    }

    [Fact]
    public async Task A_lost_answer_is_retried_with_the_same_Random_and_creates_no_duplicate()
    {
        using var session = await ConnectAsync();
        var group = NewGroup();
        var before = Calls(sandbox.Host, Api).Count;
        sandbox.Host.TencentServer.Faults.Add(new Fault { Path = "/v4/" + Api, Status = 502, AfterProcessing = true });

        var result = await SendAsync(session, GroupText(group, "exactly once"));

        var attempts = Calls(sandbox.Host, Api).Skip(before).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Body, attempts[1].Body);
        var stored = Assert.Single(sandbox.Host.Tencent.State.GroupMessages(group));
        Assert.True(result.Succeeded);
        Assert.Equal(stored.MsgSeq, result.MessageSequence);
    }

    [Fact]
    public async Task A_ClientMsgNo_derives_the_Random_so_a_rerun_is_deduplicated_per_group()
    {
        using var session = await ConnectAsync();
        var (group, other) = (NewGroup(), NewGroup());
        SendRequest Row(string g) => new(null, g, ChannelType.Group, MessageContent.FromText("once")) { ClientMsgNo = "run-1" };

        var first = await SendAsync(session, Row(group));
        var rerun = await SendAsync(session, Row(group));
        await SendAsync(session, Row(other));

        Assert.Single(sandbox.Host.Tencent.State.GroupMessages(group));
        Assert.Equal(first.MessageSequence, rerun.MessageSequence);
        Assert.NotEqual(sandbox.Host.Tencent.State.GroupMessages(group)[0].Random, sandbox.Host.Tencent.State.GroupMessages(other)[0].Random);
    }

    [Fact]
    public async Task RedDot_and_Persist_off_are_said_in_the_log_and_send_no_invented_field()
    {
        using var session = await ConnectAsync();
        var group = NewGroup();
        var log = new RecordingLog();

        var request = GroupText(group, "quiet");
        request.RedDot = false;
        request.Persist = false;
        using (ImLog.Use(log)) await SendAsync(session, request);

        Assert.Contains(log.Verbose, v => v.Contains("unread count"));
        Assert.Contains(log.Verbose, v => v.Contains("online-only"));
        var body = Calls(sandbox.Host, Api).Last().Body;
        Assert.DoesNotContain("SendMsgControl", body);
        Assert.DoesNotContain("MsgLifeTime", body);
    }

    [Fact]
    public async Task An_empty_GroupId_is_refused_before_sending()
    {
        using var session = await ConnectAsync();
        var before = Calls(sandbox.Host, Api).Count;

        var ex = await Assert.ThrowsAsync<ImInputException>(() => SendAsync(session, GroupText(" ", "hi")));

        Assert.Equal("ChannelId", ex.ParameterName);
        Assert.Equal(before, Calls(sandbox.Host, Api).Count);
    }
}
