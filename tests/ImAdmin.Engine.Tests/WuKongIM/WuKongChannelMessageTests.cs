using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Tests.Infrastructure;
using static ImAdmin.Engine.Tests.WuKongIM.WuKongTestData;
using ImAdmin.Engine.Queries;

namespace ImAdmin.Engine.Tests.WuKongIM;

/// <summary>Messages meeting channel state: subscribers get group conversations, a disbanded channel drops sends after the 200.</summary>
public class WuKongChannelMessageTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Every_subscriber_of_a_group_gets_the_conversation_with_the_message_unread()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var (group, alice, bob) = (SandboxFixture.NewId("grp"), SandboxFixture.NewId("alice"), SandboxFixture.NewId("bob"));
        await client.AddChannelMembersAsync(ChannelMemberList.Subscribers, group, ChannelType.Group, [alice, bob], CancellationToken.None);

        await SendTextsAsync(client, alice, group, ChannelType.Group, 2);

        var bobs = Assert.Single(await client.SyncConversationsAsync(new ConversationSyncQuery(bob), CancellationToken.None).ToListAsync());
        var alices = Assert.Single(await client.SyncConversationsAsync(new ConversationSyncQuery(alice), CancellationToken.None).ToListAsync());
        Assert.Equal((group, ChannelType.Group, 2), (bobs.ChannelId, bobs.ChannelType, bobs.Unread));
        Assert.Equal(0, alices.Unread);
        Assert.Empty(await client.SyncConversationsAsync(new ConversationSyncQuery(bob) { ExcludeChannelTypes = [ChannelType.Group] }, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task A_send_to_a_disbanded_channel_gets_an_id_but_is_not_stored()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var group = SandboxFixture.NewId("grp");
        await SendTextsAsync(client, "bot", group, ChannelType.Group, 1);
        await client.AddChannelMembersAsync(ChannelMemberList.Subscribers, group, ChannelType.Group, ["someone"], CancellationToken.None);
        await client.RemoveChannelAsync(group, ChannelType.Group, CancellationToken.None);

        var sent = (await SendTextsAsync(client, "bot", group, ChannelType.Group, 1, "after"))[0];

        Assert.True(sent.Succeeded); // the server answers 200 and drops the message afterwards
        Assert.NotNull(sent.MessageId);
        Assert.Equal(1, (await client.GetMessageSequenceAsync(group, ChannelType.Group, null, CancellationToken.None)).MessageSequence);
        Assert.Equal("m1", Assert.Single(await client.GetHistoryAsync(new MessageHistoryQuery(group, ChannelType.Group), CancellationToken.None).ToListAsync()).Text);
    }
}
