using System.Text.Json;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using static ImAdmin.Engine.Tests.Tencent.TencentTestKit;

namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>Clear-ImConversationUnread (admin_set_msg_read) and Get-ImUnreadCount (get_c2c_unread_msg_num) on Tencent Cloud IM.</summary>
public class TencentConversationTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string ReadApi = "openim/admin_set_msg_read";
    private const string UnreadApi = "openim/get_c2c_unread_msg_num";

    private Task<ImSession> ConnectAsync() => SandboxFixture.ConnectAsync(sandbox.TencentRequest());

    private static async Task SendAsync(ImSession session, string from, string to, int count)
    {
        for (var i = 0; i < count; i++) await Client(session).SendAsync([Text(to, "m" + i, from)], CancellationToken.None);
    }

    [Fact]
    public async Task Clearing_marks_the_users_side_read_and_the_unread_count_drops_to_zero()
    {
        using var session = await ConnectAsync();
        var ids = await ImportAsync(session, NewIds("reader", 3));
        var (me, peer, other) = (ids[0], ids[1], ids[2]);
        await SendAsync(session, peer, me, 2);
        await SendAsync(session, other, me, 1);

        var before = await Client(session).GetUnreadCountsAsync(me, [peer, other], CancellationToken.None);
        await Client(session).ClearConversationUnreadAsync(me, peer, ChannelType.Person, null, CancellationToken.None);
        var after = await Client(session).GetUnreadCountsAsync(me, [peer, other], CancellationToken.None);
        var total = Assert.Single((await Client(session).GetUnreadCountsAsync(me, [], CancellationToken.None)).Values());

        Assert.Equal([(peer, 2L), (other, 1L)], before.Values().Select(c => (c.PeerUserId!, c.UnreadCount)));
        Assert.Equal([(peer, 0L), (other, 1L)], after.Values().Select(c => (c.PeerUserId!, c.UnreadCount)));
        Assert.Equal((me, (string?)null, 1L), (total.UserId, total.PeerUserId, total.UnreadCount));
        Assert.Equal($$"""{"Report_Account":"{{me}}","Peer_Account":"{{peer}}"}""", Calls(sandbox.Host, ReadApi).Last().Body);
        Assert.False(JsonDocument.Parse(Calls(sandbox.Host, UnreadApi).Last().Body).RootElement.TryGetProperty("Peer_Account", out _));
    }

    [Fact]
    public async Task Before_maps_to_MsgReadTime_and_the_conversation_reports_what_is_left_unread()
    {
        using var session = await ConnectAsync();
        var ids = await ImportAsync(session, NewIds("upto", 2));
        var (me, peer) = (ids[0], ids[1]);
        var old = DateTimeOffset.UtcNow.AddMinutes(-10);
        foreach (var minutes in new[] { -20, -15, 5 })
            sandbox.Host.Tencent.State.Store(new Sandbox.Tencent.TencentStoredMessage("openim/sendmsg", peer, me, (uint)(100 + minutes), 1,
                DateTimeOffset.UtcNow.AddMinutes(minutes).ToUnixTimeSeconds(), JsonDocument.Parse("""[{"MsgType":"TIMTextElem","MsgContent":{"Text":"m"}}]""").RootElement, null, []));

        var conversation = (await Client(session).ClearConversationUnreadAsync(me, peer, ChannelType.Person, old, CancellationToken.None))!;

        Assert.Equal($$"""{"Report_Account":"{{me}}","Peer_Account":"{{peer}}","MsgReadTime":{{old.ToUnixTimeSeconds()}}}""", Calls(sandbox.Host, ReadApi).Last().Body);
        Assert.Equal((me, peer, 1, (DateTimeOffset?)DateTimeOffset.FromUnixTimeSeconds(old.ToUnixTimeSeconds())), (conversation.UserId, conversation.ChannelId, conversation.Unread, conversation.ReadTime));
    }

    [Fact]
    public async Task Clearing_an_unknown_users_conversation_keeps_the_servers_code()
    {
        using var session = await ConnectAsync();
        var peer = (await ImportAsync(session, SandboxFixture.NewId("peer")))[0];

        var ex = await Assert.ThrowsAsync<ImException>(() => Client(session).ClearConversationUnreadAsync(SandboxFixture.NewId("ghost"), peer, ChannelType.Person, null, CancellationToken.None));

        Assert.Equal(90008, ex.ServerCode);
        Assert.NotNull(ex.ServerMessage);
    }

    [Fact]
    public async Task Only_person_conversations_can_be_cleared()
    {
        using var session = await ConnectAsync();
        var before = Calls(sandbox.Host, ReadApi).Count;

        var ex = await Assert.ThrowsAsync<ImCapabilityException>(() => Client(session).ClearConversationUnreadAsync("alice", "group1", ChannelType.Group, null, CancellationToken.None));

        Assert.Contains("Person", ex.Message);
        Assert.Equal(before, Calls(sandbox.Host, ReadApi).Count);
    }

    [Fact]
    public async Task Unread_counts_go_10_peers_per_call_and_unknown_peers_are_failures_of_their_own()
    {
        using var session = await ConnectAsync();
        var me = (await ImportAsync(session, SandboxFixture.NewId("me")))[0];
        var peers = await ImportAsync(session, NewIds("p", 12));
        await SendAsync(session, peers[11], me, 3);
        var ghost = SandboxFixture.NewId("ghost");
        var calls = Calls(sandbox.Host, UnreadApi).Count;

        var outcome = await Client(session).GetUnreadCountsAsync(me, peers.Append(ghost).ToArray(), CancellationToken.None);

        Assert.Equal(2, Calls(sandbox.Host, UnreadApi).Count - calls);
        Assert.Equal(12, outcome.Values().Count);
        Assert.Equal(3, outcome.Values().Single(c => c.PeerUserId == peers[11]).UnreadCount);
        var failure = Assert.Single(outcome.Failures());
        Assert.Equal((ghost, 70107), ((string)failure.Input, failure.Error!.ServerCode));
    }

    [Fact]
    public async Task Unread_count_of_an_unknown_user_and_a_bad_peer_id()
    {
        using var session = await ConnectAsync();

        var server = await Assert.ThrowsAsync<ImException>(() => Client(session).GetUnreadCountsAsync(SandboxFixture.NewId("ghost"), [], CancellationToken.None));
        var input = await Assert.ThrowsAsync<ImInputException>(() => Client(session).GetUnreadCountsAsync("alice", [""], CancellationToken.None));

        Assert.Equal(70107, server.ServerCode);
        Assert.Equal("PeerUserId", input.ParameterName);
    }
}
