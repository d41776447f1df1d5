using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Tests.Infrastructure;
using static ImAdmin.Engine.Tests.WuKongIM.WuKongTestData;
using ImAdmin.Engine.Queries;

namespace ImAdmin.Engine.Tests.WuKongIM;

public class WuKongSearchTests(WuKongSearchPluginFixture sandbox) : IClassFixture<WuKongSearchPluginFixture>
{
    [Fact]
    public async Task A_keyword_search_pages_through_the_user_messages_newest_first()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var (alice, bob, carol) = (SandboxFixture.NewId("alice"), SandboxFixture.NewId("bob"), SandboxFixture.NewId("carol"));
        await SendTextsAsync(client, bob, alice, ChannelType.Person, 3, "Invoice #");
        await SendTextsAsync(client, carol, alice, ChannelType.Person, 2, "invoice due ");
        await SendTextsAsync(client, carol, alice, ChannelType.Person, 1, "lunch?");
        await SendTextsAsync(client, bob, carol, ChannelType.Person, 1, "invoice for carol only");

        var pages = await client.SearchMessagesAsync(new MessageSearchQuery(alice) { Keyword = "INVOICE", PageSize = 2 }, CancellationToken.None).ToListAsync();

        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Equal(5, p.Total));
        var texts = pages.SelectMany(p => p.Messages).Select(m => m.Text).ToList();
        Assert.Equal(["invoice due 2", "invoice due 1", "Invoice #3", "Invoice #2", "Invoice #1"], texts);
        var calls = Requests(sandbox, "/plugins/wk.plugin.search/usersearch", alice).Select(BodyOf).ToList();
        Assert.Equal([1, 2, 3], calls.Select(c => c.GetProperty("page").GetInt32()));
        Assert.Equal("INVOICE", calls[0].GetProperty("payload").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Filters_narrow_by_channel_sender_payload_type_and_time()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var (alice, bob, carol) = (SandboxFixture.NewId("alice"), SandboxFixture.NewId("bob"), SandboxFixture.NewId("carol"));
        await SendTextsAsync(client, bob, alice, ChannelType.Person, 2, "hello ");
        await SendTextsAsync(client, carol, alice, ChannelType.Person, 1, "hello ");
        var image = System.Text.Encoding.UTF8.GetBytes("{\"type\":2,\"url\":\"https://example.invalid/a.png\"}");
        await client.SendAsync([new SendRequest(bob, alice, ChannelType.Person, MessageContent.FromPayload(image))], CancellationToken.None);

        async Task<List<ImMessage>> Search(MessageSearchQuery q) => (await client.SearchMessagesAsync(q, CancellationToken.None).ToListAsync()).SelectMany(p => p.Messages).ToList();

        Assert.Equal(2, (await Search(new MessageSearchQuery(alice) { ChannelId = bob, ChannelType = ChannelType.Person, PayloadTypes = [1] })).Count);
        Assert.Equal(carol, Assert.Single(await Search(new MessageSearchQuery(alice) { From = carol })).From);
        var picture = Assert.Single(await Search(new MessageSearchQuery(alice) { PayloadTypes = [2] }));
        Assert.Null(picture.Text);
        Assert.Contains("a.png", System.Text.Encoding.UTF8.GetString(picture.Payload));
        Assert.Empty(await Search(new MessageSearchQuery(alice) { EndTime = DateTimeOffset.UtcNow.AddDays(-1) }));
        Assert.Equal(4, (await Search(new MessageSearchQuery(alice) { StartTime = DateTimeOffset.UtcNow.AddMinutes(-5) })).Count);
    }

    [Fact]
    public async Task The_demo_data_holds_group_and_person_messages_and_conversations()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;

        var group = await client.GetHistoryAsync(new MessageHistoryQuery("demo-group", ChannelType.Group), CancellationToken.None).ToListAsync();
        var alices = await client.SyncConversationsAsync(new ConversationSyncQuery("alice"), CancellationToken.None).ToListAsync();
        var found = (await client.SearchMessagesAsync(new MessageSearchQuery("bob") { Keyword = "lunch" }, CancellationToken.None).ToListAsync()).SelectMany(p => p.Messages);

        Assert.Equal(["Hi all", "Welcome to the demo group!"], group.Select(m => m.Text));
        Assert.Equal([("bob", 1), ("demo-group", 1)], alices.Select(c => (c.ChannelId, c.Unread)).OrderBy(c => c.ChannelId)); // bob wrote last
        Assert.Equal("alice", Assert.Single(found).ChannelId);
    }

    [Fact]
    public async Task Bad_input_names_the_parameter()
    {
        var (session, client) = await ConnectAsync(sandbox, validate: false);
        using var _ = session;
        Assert.Equal("UserId", Assert.Throws<ImInputException>(() => client.SearchMessagesAsync(new MessageSearchQuery(""), CancellationToken.None)).ParameterName);
        var times = new MessageSearchQuery("u") { StartTime = DateTimeOffset.UtcNow, EndTime = DateTimeOffset.UtcNow.AddDays(-1) };
        Assert.Equal("EndTime", Assert.Throws<ImInputException>(() => client.SearchMessagesAsync(times, CancellationToken.None)).ParameterName);
    }
}

public class WuKongSearchWithoutPluginTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Without_the_plugin_search_fails_once_with_a_clear_not_supported_error()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;

        var ex = await Assert.ThrowsAsync<ImException>(() => client.SearchMessagesAsync(new MessageSearchQuery("u1") { Keyword = "x" }, CancellationToken.None).ToListAsync().AsTask());

        Assert.Equal(ImErrorKind.NotSupported, ex.Kind);
        Assert.Contains("wk.plugin.search", ex.Message);
        Assert.Contains("not installed", ex.Message);
        Assert.Equal(("plugin not found", 404, 400), (ex.ServerMessage, ex.ServerCode, ex.HttpStatus));
    }
}
