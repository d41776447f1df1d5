using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Tests.Infrastructure;
using static ImAdmin.Engine.Tests.WuKongIM.WuKongTestData;

namespace ImAdmin.Engine.Tests.WuKongIM;

public class WuKongHistoryTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private async Task<(ImAdmin.Engine.Sessions.ImSession, WuKongClient, string Group)> GroupWithAsync(int count)
    {
        var (session, client) = await ConnectAsync(sandbox);
        var group = SandboxFixture.NewId("grp");
        await SendTextsAsync(client, "bot", group, ChannelType.Group, count);
        return (session, client, group);
    }

    [Fact]
    public async Task Older_reads_every_page_newest_first_and_always_sends_limit()
    {
        var (session, client, group) = await GroupWithAsync(25);
        using var _ = session;

        var messages = await client.GetHistoryAsync(new MessageHistoryQuery(group, ChannelType.Group) { PageSize = 10 }, CancellationToken.None).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 25).Reverse().Select(i => (long)i), messages.Select(m => m.MessageSequence));
        var calls = Requests(sandbox, "/channel/messagesync", group).Select(BodyOf).ToList();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Equal(10, c.GetProperty("limit").GetInt32()));
        Assert.Equal((0L, 0L), (calls[0].GetProperty("start_message_seq").GetInt64(), calls[0].GetProperty("end_message_seq").GetInt64()));
        Assert.Equal((15L, 0, 0), (calls[1].GetProperty("start_message_seq").GetInt64(), calls[1].GetProperty("end_message_seq").GetInt32(), calls[1].GetProperty("pull_mode").GetInt32()));
        Assert.Equal("____manager", calls[0].GetProperty("login_uid").GetString());
    }

    [Fact]
    public async Task Newer_reads_every_page_oldest_first()
    {
        var (session, client, group) = await GroupWithAsync(20);
        using var _ = session;

        var messages = await client.GetHistoryAsync(new MessageHistoryQuery(group, ChannelType.Group) { Direction = MessageDirection.Newer, PageSize = 10 }, CancellationToken.None).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), messages.Select(m => m.MessageSequence));
        var calls = Requests(sandbox, "/channel/messagesync", group).Select(BodyOf).ToList();
        Assert.Equal([1L, 11L, 21L], calls.Select(c => c.GetProperty("start_message_seq").GetInt64()));
        Assert.All(calls, c => Assert.Equal(1, c.GetProperty("pull_mode").GetInt32()));
    }

    [Theory]
    [InlineData(MessageDirection.Older, 20L, 5L, 20L, 5L)]
    [InlineData(MessageDirection.Newer, 5L, 12L, 5L, 12L)]
    [InlineData(MessageDirection.Older, null, 28L, 30L, 28L)]
    [InlineData(MessageDirection.Newer, 27L, null, 27L, 30L)]
    public async Task Start_and_end_sequences_are_inclusive_bounds_in_reading_order(MessageDirection direction, long? start, long? end, long first, long last)
    {
        var (session, client, group) = await GroupWithAsync(30);
        using var _ = session;

        var query = new MessageHistoryQuery(group, ChannelType.Group) { Direction = direction, StartSequence = start, EndSequence = end, PageSize = 4 };
        var seqs = (await client.GetHistoryAsync(query, CancellationToken.None).ToListAsync()).Select(m => m.MessageSequence).ToList();

        var step = first <= last ? 1 : -1;
        Assert.Equal(Enumerable.Range(0, (int)Math.Abs(last - first) + 1).Select(i => first + i * step), seqs);
    }

    [Fact]
    public async Task Reading_stops_early_when_the_caller_stops()
    {
        var (session, client, group) = await GroupWithAsync(9);
        using var _ = session;

        var three = await client.GetHistoryAsync(new MessageHistoryQuery(group, ChannelType.Group) { PageSize = 2 }, CancellationToken.None).Take(3).ToListAsync();

        Assert.Equal([9L, 8L, 7L], three.Select(m => m.MessageSequence));
        Assert.Equal(2, Requests(sandbox, "/channel/messagesync", group).Count);
    }

    [Fact]
    public async Task A_person_history_is_read_through_the_viewing_user()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var (alice, bob) = (SandboxFixture.NewId("alice"), SandboxFixture.NewId("bob"));
        await SendTextsAsync(client, alice, bob, ChannelType.Person, 2, "a");
        await SendTextsAsync(client, bob, alice, ChannelType.Person, 1, "b");

        var asBob = await client.GetHistoryAsync(new MessageHistoryQuery(alice, ChannelType.Person) { UserId = bob }, CancellationToken.None).ToListAsync();

        Assert.Equal(["b1", "a2", "a1"], asBob.Select(m => m.Text));
        // Sender and recipient as sent, whoever reads: alice's messages went to bob, bob's to alice.
        Assert.All(asBob, m => Assert.Equal(m.From == alice ? bob : alice, m.ChannelId));
        Assert.Throws<ImInputException>(() => client.GetHistoryAsync(new MessageHistoryQuery(alice, ChannelType.Person), CancellationToken.None));
    }

    [Fact]
    public async Task An_empty_channel_has_no_history()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var group = SandboxFixture.NewId("grp");
        Assert.Empty(await client.GetHistoryAsync(new MessageHistoryQuery(group, ChannelType.Group), CancellationToken.None).ToListAsync());
        Assert.Single(Requests(sandbox, "/channel/messagesync", group));
    }

    [Theory]
    [InlineData(0, null, null, MessageDirection.Older, "PageSize")]
    [InlineData(10001, null, null, MessageDirection.Older, "PageSize")]
    [InlineData(10, 5L, 9L, MessageDirection.Older, "EndSequence")]
    [InlineData(10, 9L, 5L, MessageDirection.Newer, "EndSequence")]
    [InlineData(10, 0L, null, MessageDirection.Newer, "StartSequence")]
    public async Task Bad_ranges_name_the_parameter(int pageSize, long? start, long? end, MessageDirection direction, string parameter)
    {
        var (session, client) = await ConnectAsync(sandbox, validate: false);
        using var _ = session;
        var query = new MessageHistoryQuery("g", ChannelType.Group) { PageSize = pageSize, StartSequence = start, EndSequence = end, Direction = direction };
        Assert.Equal(parameter, Assert.Throws<ImInputException>(() => client.GetHistoryAsync(query, CancellationToken.None)).ParameterName);
    }
}
