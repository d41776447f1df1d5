using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;

namespace ImAdmin.Engine.Tests.WuKongIM;

/// <summary>Subscribers, blacklist and whitelist: reads, adds, removes, replaces and chunking, over loopback HTTP.</summary>
public class ChannelMemberTests(SandboxFixture sandbox) : ChannelTestSupport(sandbox), IClassFixture<SandboxFixture>
{
    private async Task<IReadOnlyList<string>> Read(ChannelMemberList list, string id, ChannelType type = ChannelType.Group) =>
        (await Client.GetChannelMembersAsync(list, id, type, None)).Select(m => m.UserId).ToList();

    [Fact]
    public async Task Subscribers_are_added_read_and_removed_with_the_subscribers_field()
    {
        var id = SandboxFixture.NewId("g");
        await Client.AddChannelMembersAsync(ChannelMemberList.Subscribers, id, ChannelType.Group, ["u1", "u2", "u3"], None);
        Assert.Equal(["u1", "u2", "u3"], await Read(ChannelMemberList.Subscribers, id));
        var members = await Client.GetChannelMembersAsync(ChannelMemberList.Subscribers, id, ChannelType.Group, None);
        Assert.All(members, m => Assert.Equal((id, ChannelType.Group), (m.ChannelId, m.ChannelType)));

        await Client.RemoveChannelMembersAsync(ChannelMemberList.Subscribers, id, ChannelType.Group, ["u2"], None);
        Assert.Equal(["u1", "u3"], await Read(ChannelMemberList.Subscribers, id));
        Assert.Equal(["u2"], Strings(Body(Calls("/channel/subscriber_remove", id).Single()), "subscribers"));
        Assert.Equal(0, Body(Calls("/channel/subscriber_add", id).Single()).GetProperty("temp_subscriber").GetInt32());
    }

    [Fact]
    public async Task Removing_subscribers_sends_only_the_fields_subscriber_remove_reads()
    {
        var id = SandboxFixture.NewId("g");
        await Client.AddChannelMembersAsync(ChannelMemberList.Subscribers, id, ChannelType.Group, ["u1", "u2"], None, reset: true);

        await Client.RemoveChannelMembersAsync(ChannelMemberList.Subscribers, id, ChannelType.Group, ["u1"], None);

        var removal = Body(Calls("/channel/subscriber_remove", id).Single());
        Assert.Equal(["channel_id", "channel_type", "subscribers"], removal.EnumerateObject().Select(p => p.Name).Order());
        Assert.False(removal.TryGetProperty("reset", out _));
        Assert.Equal(1, Body(Calls("/channel/subscriber_add", id).Single()).GetProperty("reset").GetInt32());
    }

    [Fact]
    public async Task Adding_subscribers_creates_the_channel_as_the_server_does()
    {
        var id = SandboxFixture.NewId("g");
        await Client.AddChannelMembersAsync(ChannelMemberList.Subscribers, id, ChannelType.Community, ["u1"], None);
        var channel = await Client.GetChannelAsync(id, ChannelType.Community, None);
        Assert.Equal(1, channel.SubscriberCount);
    }

    [Theory]
    [InlineData(ChannelMemberList.Blacklist, "/channel/blacklist_")]
    [InlineData(ChannelMemberList.Whitelist, "/channel/whitelist_")]
    public async Task Blacklist_and_whitelist_are_added_read_and_removed_with_the_uids_field(ChannelMemberList list, string prefix)
    {
        var id = SandboxFixture.NewId("g");
        await Client.AddChannelMembersAsync(list, id, ChannelType.Group, ["u1", "u2"], None);
        Assert.Equal(["u1", "u2"], await Read(list, id));
        await Client.RemoveChannelMembersAsync(list, id, ChannelType.Group, ["u1", "not-there"], None);
        Assert.Equal(["u2"], await Read(list, id));
        Assert.Equal(["u1", "u2"], Strings(Body(Calls(prefix + "add", id).Single()), "uids"));
        Assert.Equal(["u1", "not-there"], Strings(Body(Calls(prefix + "remove", id).Single()), "uids"));
        // Lists do not need the channel to exist, and do not create it.
        Assert.Null(await Client.FindChannelAsync(id, ChannelType.Group, None));
    }

    [Theory]
    [InlineData(ChannelMemberList.Blacklist, "/channel/blacklist_set")]
    [InlineData(ChannelMemberList.Whitelist, "/channel/whitelist_set")]
    public async Task Replace_sets_exactly_the_given_users_in_one_call_and_an_empty_list_clears(ChannelMemberList list, string path)
    {
        var id = SandboxFixture.NewId("g");
        await Client.AddChannelMembersAsync(list, id, ChannelType.Group, ["old1", "old2"], None);
        var many = Enumerable.Range(0, 2500).Select(i => "n" + i).ToList();
        await Client.ReplaceChannelMembersAsync(list, id, ChannelType.Group, many, None);
        Assert.Equal(many, await Read(list, id));
        Assert.Single(Calls(path, id));

        await Client.ReplaceChannelMembersAsync(list, id, ChannelType.Group, [], None);
        Assert.Empty(await Read(list, id));
        Assert.Empty(Strings(Body(Calls(path, id).Last()), "uids"));
    }

    [Fact]
    public async Task Adds_and_removes_go_in_chunks_of_a_thousand()
    {
        var id = SandboxFixture.NewId("g");
        var users = Enumerable.Range(0, 2500).Select(i => "u" + i).ToList();
        await Client.AddChannelMembersAsync(ChannelMemberList.Blacklist, id, ChannelType.Group, users, None);
        Assert.Equal([1000, 1000, 500], Calls("/channel/blacklist_add", id).Select(c => Strings(Body(c), "uids").Count));
        Assert.Equal(2500, (await Read(ChannelMemberList.Blacklist, id)).Count);

        await Client.RemoveChannelMembersAsync(ChannelMemberList.Blacklist, id, ChannelType.Group, users.Take(1001), None);
        Assert.Equal([1000, 1], Calls("/channel/blacklist_remove", id).Select(c => Strings(Body(c), "uids").Count));
        Assert.Equal(1499, (await Read(ChannelMemberList.Blacklist, id)).Count);
    }

    [Fact]
    public async Task Reset_clears_the_subscribers_with_the_first_chunk_only()
    {
        var id = SandboxFixture.NewId("g");
        await Client.AddChannelMembersAsync(ChannelMemberList.Subscribers, id, ChannelType.Group, ["old"], None);
        var users = Enumerable.Range(0, 1500).Select(i => "u" + i).ToList();
        await Client.AddChannelMembersAsync(ChannelMemberList.Subscribers, id, ChannelType.Group, users, None, reset: true);

        Assert.Equal([0, 1, 0], Calls("/channel/subscriber_add", id).Select(c => Body(c).GetProperty("reset").GetInt32()));
        Assert.Equal(users, await Read(ChannelMemberList.Subscribers, id));
    }

    [Fact]
    public async Task Temporary_subscribers_are_reported_as_not_supported_with_the_server_text()
    {
        var id = SandboxFixture.NewId("g");
        var ex = await Assert.ThrowsAsync<ImException>(() =>
            Client.AddChannelMembersAsync(ChannelMemberList.Subscribers, id, ChannelType.Info, ["u1"], None, temporary: true));
        Assert.Equal(ImErrorKind.NotSupported, ex.Kind);
        Assert.Equal("新版本临时订阅者已不支持！", ex.ServerMessage);
        Assert.Equal(400, ex.HttpStatus);
        Assert.Equal("Temporary", ex.ParameterName);
        Assert.Contains("-Temporary", ex.Message);
        Assert.Equal(1, Body(Calls("/channel/subscriber_add", id).Single()).GetProperty("temp_subscriber").GetInt32());
    }

    [Fact]
    public async Task Person_channels_have_no_subscribers_and_say_so_before_sending()
    {
        var id = SandboxFixture.NewId("user");
        var ex = await Assert.ThrowsAsync<ImInputException>(() =>
            Client.AddChannelMembersAsync(ChannelMemberList.Subscribers, id, ChannelType.Person, ["u1"], None));
        Assert.Equal("ChannelType", ex.ParameterName);
        Assert.Empty(Calls("/channel/subscriber_add", id));
        // A person channel's blacklist is the owner's blocked users, which the server does keep.
        await Client.AddChannelMembersAsync(ChannelMemberList.Blacklist, id, ChannelType.Person, ["spammer"], None);
        Assert.Equal(["spammer"], await Read(ChannelMemberList.Blacklist, id, ChannelType.Person));
    }

    [Fact]
    public async Task Blank_or_missing_user_ids_are_refused_naming_UserId()
    {
        var id = SandboxFixture.NewId("g");
        var blank = await Assert.ThrowsAsync<ImInputException>(() => Client.AddChannelMembersAsync(ChannelMemberList.Whitelist, id, ChannelType.Group, ["u1", " "], None));
        Assert.Equal("UserId", blank.ParameterName);
        var none = await Assert.ThrowsAsync<ImInputException>(() => Client.RemoveChannelMembersAsync(ChannelMemberList.Whitelist, id, ChannelType.Group, [], None));
        Assert.Equal("UserId", none.ParameterName);
        Assert.DoesNotContain(Sandbox.Host.WuKongServer.Journal.Entries, e => e.Body.Contains(id));
    }

    [Fact]
    public async Task A_server_failure_keeps_the_server_message()
    {
        var id = SandboxFixture.NewId("g");
        Sandbox.Host.WuKongServer.Faults.Add(new Fault { Path = "/channel/blacklist_add", Status = 400, Body = """{"msg":"添加黑名单失败！","status":400}""" });
        var ex = await Assert.ThrowsAsync<ImException>(() => Client.AddChannelMembersAsync(ChannelMemberList.Blacklist, id, ChannelType.Group, ["u1"], None));
        Assert.Equal(ImErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal("添加黑名单失败！", ex.ServerMessage);
        Assert.Empty(await Read(ChannelMemberList.Blacklist, id));
    }

    [Fact]
    public async Task A_channel_without_a_list_reads_as_empty()
    {
        Assert.Empty(await Read(ChannelMemberList.Whitelist, SandboxFixture.NewId("none")));
    }

    [Fact]
    public async Task Channel_ids_with_reserved_characters_can_be_read_but_not_changed()
    {
        Assert.Empty(await Read(ChannelMemberList.Subscribers, "a@b", ChannelType.Person));
        var ex = await Assert.ThrowsAsync<ImInputException>(() => Client.AddChannelMembersAsync(ChannelMemberList.Blacklist, "a@b", ChannelType.Person, ["u"], None));
        Assert.Equal("ChannelId", ex.ParameterName);
    }

    [Fact]
    public async Task Subscribers_cannot_be_replaced_in_one_call()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client.ReplaceChannelMembersAsync(ChannelMemberList.Subscribers, "g", ChannelType.Group, ["u"], None));
        await Assert.ThrowsAsync<ArgumentException>(() => Client.AddChannelMembersAsync(ChannelMemberList.Blacklist, "g", ChannelType.Group, ["u"], None, reset: true));
    }
}
