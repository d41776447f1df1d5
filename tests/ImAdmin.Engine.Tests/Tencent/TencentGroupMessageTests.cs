using System.Text.Json;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using static ImAdmin.Engine.Tests.Tencent.TencentTestKit;

namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>Group messages after sending: recall by sequence (group_msg_recall) and history (group_msg_get_simple, lazily paged).</summary>
public class TencentGroupMessageTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string HistoryApi = "group_open_http_svc/group_msg_get_simple";

    private Task<ImSession> ConnectAsync() => SandboxFixture.ConnectAsync(sandbox.TencentRequest());

    private static async Task<(string Group, long[] Sequences)> GroupWithMessagesAsync(ImSession session, int count)
    {
        var group = SandboxFixture.NewId("gm");
        await Client(session).CreateGroupAsync(new GroupSpec(group) { Name = "history" }, CancellationToken.None);
        var sequences = new List<long>();
        for (var i = 1; i <= count; i++)
        {
            var row = new SendRequest(null, group, ChannelType.Group, MessageContent.FromText($"message {i}")) { Options = new MessageOptions { Extra = $"e{i}" } };
            sequences.Add(Assert.Single(await Client(session).SendAsync(new[] { row }, CancellationToken.None)).Unwrap().MessageSequence!.Value);
        }
        return (group, sequences.ToArray());
    }

    [Fact]
    public async Task A_group_message_is_recalled_by_its_sequence_a_repeat_is_already_revoked_and_a_missing_one_fails_with_10030()
    {
        using var session = await ConnectAsync();
        var (group, seqs) = await GroupWithMessagesAsync(session, 2);

        var first = await Client(session).RevokeGroupMessagesAsync(group, new[] { seqs[0] }, CancellationToken.None);
        var repeat = await Client(session).RevokeGroupMessagesAsync(group, new[] { seqs[0], 999 }, CancellationToken.None);

        var revoked = Assert.Single(first.Values());
        Assert.Equal((group, ChannelType.Group, (long?)seqs[0], false), (revoked.ChannelId, revoked.ChannelType, revoked.MessageSequence, revoked.AlreadyRevoked));
        // Both answer RetCode 10030; the history shows the first recalled (IsPlaceMsg 2), the other not there at all.
        var again = Assert.Single(repeat.Values());
        Assert.Equal((seqs[0], true), (again.MessageSequence!.Value, again.AlreadyRevoked));
        var missing = Assert.Single(repeat.Failures());
        Assert.Equal((999L, 10030, ImErrorKind.NotFound), ((long)missing.Input, missing.Error!.ServerCode ?? 0, missing.Error.Kind));
        Assert.DoesNotContain("recalled before", missing.Error.Message);
        var recallCodes = Calls(sandbox.Host, "group_open_http_svc/group_msg_recall").Select(c => JsonDocument.Parse(c.Body).RootElement).Count(b => b.GetString("GroupId") == group);
        Assert.Equal(2, recallCodes);
    }

    [Fact]
    public async Task Recalls_go_10_sequences_a_call()
    {
        using var session = await ConnectAsync();
        var (group, seqs) = await GroupWithMessagesAsync(session, 12);
        var before = Calls(sandbox.Host, "group_open_http_svc/group_msg_recall").Count;

        var outcome = await Client(session).RevokeGroupMessagesAsync(group, seqs, CancellationToken.None);

        Assert.Equal((12, 0), (outcome.Values().Count, outcome.Failures().Count));
        Assert.Equal(2, Calls(sandbox.Host, "group_open_http_svc/group_msg_recall").Count - before);
    }

    [Fact]
    public async Task History_comes_newest_first_in_pages_by_sequence_with_recalled_messages_marked()
    {
        using var session = await ConnectAsync();
        var (group, seqs) = await GroupWithMessagesAsync(session, 5);
        await Client(session).RevokeGroupMessagesAsync(group, new[] { seqs[1] }, CancellationToken.None);
        var before = Calls(sandbox.Host, HistoryApi).Count;

        var messages = new List<ImMessage>();
        await foreach (var m in Client(session).GetGroupHistoryAsync(group, 2, null, null, CancellationToken.None)) messages.Add(m);

        Assert.Equal(seqs.Reverse(), messages.Select(m => m.MessageSequence));
        Assert.Equal(new[] { false, false, false, true, false }, messages.Select(m => m.Revoked));
        Assert.Equal(("message 5", "e5", ChannelType.Group), (messages[0].Text, messages[0].Extra, messages[0].ChannelType));
        var bodies = Calls(sandbox.Host, HistoryApi).Skip(before).Select(c => JsonDocument.Parse(c.Body).RootElement).ToList();
        Assert.Equal(3, bodies.Count);
        Assert.False(bodies[0].TryGetProperty("ReqMsgSeq", out _));
        Assert.Equal(new long[] { seqs[2], seqs[0] }, bodies.Skip(1).Select(b => b.GetProperty("ReqMsgSeq").GetInt64()));
        Assert.All(bodies, b => Assert.Equal(1, b.GetInt("WithRecalledMsg")));
    }

    [Fact]
    public async Task History_is_lazy()
    {
        using var session = await ConnectAsync();
        var (group, _) = await GroupWithMessagesAsync(session, 6);
        var before = Calls(sandbox.Host, HistoryApi).Count;

        await foreach (var _ in Client(session).GetGroupHistoryAsync(group, 2, null, null, CancellationToken.None)) break;

        Assert.Equal(1, Calls(sandbox.Host, HistoryApi).Count - before);
    }

    [Fact]
    public async Task An_unknown_group_is_NotFound()
    {
        using var session = await ConnectAsync();

        var error = await Assert.ThrowsAsync<ImException>(async () =>
        {
            await foreach (var _ in Client(session).GetGroupHistoryAsync(SandboxFixture.NewId("none"), 5, null, null, CancellationToken.None)) { }
        });

        Assert.Equal((ImErrorKind.NotFound, 10010), (error.Kind, error.ServerCode));
    }
}
