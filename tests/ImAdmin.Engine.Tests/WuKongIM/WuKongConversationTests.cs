using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;
using static ImAdmin.Engine.Tests.WuKongIM.WuKongTestData;
using ImAdmin.Engine.Queries;

namespace ImAdmin.Engine.Tests.WuKongIM;

public class WuKongConversationTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static Task<List<ImConversation>> SyncAsync(WuKongClient client, ConversationSyncQuery query) =>
        client.SyncConversationsAsync(query, CancellationToken.None).ToListAsync().AsTask();

    [Fact]
    public async Task Sync_lists_each_side_of_a_person_channel_with_unread_and_recents_newest_first()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var (alice, bob) = (SandboxFixture.NewId("alice"), SandboxFixture.NewId("bob"));
        await SendTextsAsync(client, alice, bob, ChannelType.Person, 3);

        var bobs = Assert.Single(await SyncAsync(client, new ConversationSyncQuery(bob) { MessageCount = 2 }));
        var alices = Assert.Single(await SyncAsync(client, new ConversationSyncQuery(alice)));

        Assert.Equal((bob, alice, ChannelType.Person, 3, 3L, 0L), (bobs.UserId, bobs.ChannelId, bobs.ChannelType, bobs.Unread, bobs.LastMessageSequence, bobs.ReadToSequence));
        Assert.Equal(["m3", "m2"], bobs.Recents.Select(m => m.Text));
        Assert.Equal(bobs.Recents[0].ClientMsgNo, bobs.LastClientMsgNo);
        Assert.Equal((bob, 0, 3L), (alices.ChannelId, alices.Unread, alices.ReadToSequence)); // one's own messages are read
        Assert.Equal(20, BodyOf(Requests(sandbox, "/conversation/sync", alice)[0]).GetProperty("msg_count").GetInt32());
    }

    [Fact]
    public async Task Messages_sent_without_red_dot_do_not_count_as_unread()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var (admin, user) = (SandboxFixture.NewId("admin"), SandboxFixture.NewId("user"));
        var quiet = Text(admin, user, ChannelType.Person, "fyi");
        quiet.RedDot = false;
        await client.SendAsync([quiet], CancellationToken.None);
        await SendTextsAsync(client, admin, user, ChannelType.Person, 1);

        Assert.Equal(1, Assert.Single(await SyncAsync(client, new ConversationSyncQuery(user))).Unread);
    }

    [Fact]
    public async Task Only_unread_exclusions_and_since_filter_the_listing()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var (user, friend, other) = (SandboxFixture.NewId("user"), SandboxFixture.NewId("friend"), SandboxFixture.NewId("other"));
        await SendTextsAsync(client, friend, user, ChannelType.Person, 2);
        await SendTextsAsync(client, user, other, ChannelType.Person, 1);
        var all = await SyncAsync(client, new ConversationSyncQuery(user));
        await SendTextsAsync(client, other, user, ChannelType.Person, 1, "new");

        Assert.Equal(2, all.Count);
        Assert.Equal([friend, other], (await SyncAsync(client, new ConversationSyncQuery(user) { OnlyUnread = true })).Select(c => c.ChannelId).OrderBy(c => c == other));
        Assert.Empty(await SyncAsync(client, new ConversationSyncQuery(user) { ExcludeChannelTypes = [ChannelType.Person] }));
        var since = Assert.Single(await SyncAsync(client, new ConversationSyncQuery(user) { Since = all }));
        Assert.Equal((other, "new1"), (since.ChannelId, Assert.Single(since.Recents).Text));
        Assert.Contains($"{friend}:1:2", BodyOf(Requests(sandbox, "/conversation/sync", user).Last()).GetProperty("last_msg_seqs").GetString());
    }

    [Fact]
    public async Task With_a_page_size_conversations_are_read_page_by_page_until_an_empty_page()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var user = SandboxFixture.NewId("user");
        foreach (var peer in Enumerable.Range(1, 3).Select(i => SandboxFixture.NewId("peer" + i))) await SendTextsAsync(client, peer, user, ChannelType.Person, 1);

        var listed = await SyncAsync(client, new ConversationSyncQuery(user) { PageSize = 2 });

        Assert.Equal(3, listed.Count);
        Assert.Equal([1, 2, 3], Requests(sandbox, "/conversation/sync", user).Select(e => BodyOf(e).GetProperty("page").GetInt32()));
    }

    [Theory]
    [InlineData(0, null, "MessageCount")]
    [InlineData(5, 501, "PageSize")]
    public async Task Bad_sync_input_names_the_parameter(int messageCount, int? pageSize, string parameter)
    {
        var (session, client) = await ConnectAsync(sandbox, validate: false);
        using var _ = session;
        var query = new ConversationSyncQuery("u") { MessageCount = messageCount, PageSize = pageSize };
        Assert.Equal(parameter, Assert.Throws<ImInputException>(() => client.SyncConversationsAsync(query, CancellationToken.None)).ParameterName);
    }

    [Fact]
    public async Task Clear_moves_the_read_pointer_to_the_newest_message()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var (user, friend) = (SandboxFixture.NewId("user"), SandboxFixture.NewId("friend"));
        await SendTextsAsync(client, friend, user, ChannelType.Person, 4);

        await client.ClearConversationUnreadAsync(user, friend, ChannelType.Person, null, CancellationToken.None);

        var conversation = await client.GetConversationAsync(user, friend, ChannelType.Person, CancellationToken.None);
        Assert.Equal((0, 4L), (conversation!.Unread, conversation.ReadToSequence));
    }

    [Fact]
    public async Task Set_lowers_the_count_and_refuses_to_raise_it_with_a_warning()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var (user, friend) = (SandboxFixture.NewId("user"), SandboxFixture.NewId("friend"));
        await SendTextsAsync(client, friend, user, ChannelType.Person, 5);
        var log = new RecordingLog();

        bool lowered, raised;
        using (ImLog.Use(log))
        {
            lowered = await client.SetConversationUnreadAsync(user, friend, ChannelType.Person, 2, CancellationToken.None);
            raised = await client.SetConversationUnreadAsync(user, friend, ChannelType.Person, 4, CancellationToken.None);
        }

        Assert.True(lowered);
        Assert.False(raised);
        Assert.Equal(2, (await client.GetConversationAsync(user, friend, ChannelType.Person, CancellationToken.None))!.Unread);
        Assert.Contains(log.Warnings, w => w.Contains("only lower") && w.Contains("stays at 2"));
        Assert.Single(Requests(sandbox, "/conversations/setUnread", user));
    }

    [Fact]
    public async Task Set_on_a_channel_without_messages_is_refused_instead_of_wrapping_the_server_pointer()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var (user, group) = (SandboxFixture.NewId("user"), SandboxFixture.NewId("grp"));

        var ex = await Assert.ThrowsAsync<ImInputException>(() => client.SetConversationUnreadAsync(user, group, ChannelType.Group, 1, CancellationToken.None));

        Assert.Equal("Unread", ex.ParameterName);
        Assert.Empty(Requests(sandbox, "/conversations/setUnread", user));
        Assert.True(await client.SetConversationUnreadAsync(user, group, ChannelType.Group, 0, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_hides_the_conversation_until_a_newer_message_which_alone_counts()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var (user, friend) = (SandboxFixture.NewId("user"), SandboxFixture.NewId("friend"));
        await SendTextsAsync(client, friend, user, ChannelType.Person, 3);

        await client.DeleteConversationAsync(user, friend, ChannelType.Person, CancellationToken.None);
        var afterDelete = await SyncAsync(client, new ConversationSyncQuery(user));
        await SendTextsAsync(client, friend, user, ChannelType.Person, 1, "again");
        var back = Assert.Single(await SyncAsync(client, new ConversationSyncQuery(user)));

        Assert.Empty(afterDelete);
        Assert.Equal((1, 4L, "again1"), (back.Unread, back.LastMessageSequence, Assert.Single(back.Recents).Text));
    }

    [Fact]
    public async Task A_refused_mutation_keeps_the_server_message()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var user = SandboxFixture.NewId("user");
        Fault(sandbox, new Fault { Path = "/conversations/clearUnread", Status = 400, Body = "{\"msg\":\"uid cannot be empty\",\"status\":400}" });

        var ex = await Assert.ThrowsAsync<ImException>(() => client.ClearConversationUnreadAsync(user, "g", ChannelType.Group, null, CancellationToken.None));

        Assert.Equal(("uid cannot be empty", 400), (ex.ServerMessage, ex.HttpStatus));
        Assert.Equal("UserId", (await Assert.ThrowsAsync<ImInputException>(() => client.DeleteConversationAsync("", "g", ChannelType.Group, CancellationToken.None))).ParameterName);
    }
}
