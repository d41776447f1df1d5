using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;

namespace ImAdmin.Engine.Tests.WuKongIM;

/// <summary>New-/Set-/Remove-ImChannel and the channel read, against the sandbox over loopback HTTP.</summary>
public class ChannelTests(SandboxFixture sandbox) : ChannelTestSupport(sandbox), IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task New_channel_writes_every_flag_and_reads_back_what_the_server_reports()
    {
        var id = SandboxFixture.NewId("g");
        var written = await Client.NewChannelAsync(new ChannelSettings(id, ChannelType.Group) { Ban = true, SendBan = true, Subscribers = ["u1", "u2", "u1"] }, None);

        var body = Body(Calls("/channel", id).Single());
        Assert.Equal(1, body.GetProperty("ban").GetInt32());
        Assert.Equal(1, body.GetProperty("send_ban").GetInt32());
        Assert.Equal(0, body.GetProperty("allow_stranger").GetInt32());
        Assert.Equal(0, body.GetProperty("disband").GetInt32());
        Assert.Equal(["u1", "u2"], Strings(body, "subscribers"));

        var channel = await Client.ReadBackAsync(written, None);
        Assert.Equal(id, channel.ChannelId);
        Assert.Equal(ChannelType.Group, channel.ChannelType);
        Assert.True(channel.Ban);
        Assert.True(channel.SendBan);
        Assert.False(channel.AllowStranger);
        Assert.False(channel.Disband);
        Assert.Equal(2, channel.SubscriberCount);
        Assert.NotNull(channel.CreatedAt);
    }

    [Fact]
    public async Task A_plain_read_cannot_know_send_ban_or_allow_stranger()
    {
        var id = SandboxFixture.NewId("g");
        await Client.NewChannelAsync(new ChannelSettings(id, ChannelType.Group) { SendBan = true }, None);
        var channel = await Client.GetChannelAsync(id, ChannelType.Group, None);
        Assert.Null(channel.SendBan);
        Assert.Null(channel.AllowStranger);
        Assert.True(Sandbox.Host.WuKong.State.FindChannelInfo(id, 2)!.Flags.SendBan);
    }

    [Fact]
    public async Task New_channel_sends_a_long_subscriber_list_in_chunks()
    {
        var id = SandboxFixture.NewId("g");
        var users = Enumerable.Range(0, 2500).Select(i => "user" + i).ToList();
        await Client.NewChannelAsync(new ChannelSettings(id, ChannelType.Group) { Subscribers = users }, None);

        Assert.Equal(1000, Strings(Body(Calls("/channel", id).Single()), "subscribers").Count);
        var adds = Calls("/channel/subscriber_add", id);
        Assert.Equal([1000, 500], adds.Select(a => Strings(Body(a), "subscribers").Count));
        Assert.All(adds, a => Assert.Equal(0, Body(a).GetProperty("reset").GetInt32()));
        Assert.Equal(2500, (await Client.GetChannelMembersAsync(ChannelMemberList.Subscribers, id, ChannelType.Group, None)).Count);
    }

    [Fact]
    public async Task Subscribers_on_a_new_person_channel_are_refused_before_anything_is_sent()
    {
        var id = SandboxFixture.NewId("p");
        var ex = await Assert.ThrowsAsync<ImInputException>(() =>
            Client.NewChannelAsync(new ChannelSettings(id, ChannelType.Person) { Subscribers = ["u1"] }, None));
        Assert.Equal("Subscriber", ex.ParameterName);
        Assert.Contains("person channels have no subscribers", ex.Message);
        Assert.Empty(Calls("/channel", id));
    }

    [Theory]
    [InlineData("a@b", "ChannelId")]
    [InlineData("  ", "ChannelId")]
    public async Task A_bad_channel_id_names_the_parameter(string id, string parameter)
    {
        var ex = await Assert.ThrowsAsync<ImInputException>(() => Client.NewChannelAsync(new ChannelSettings(id, ChannelType.Group), None));
        Assert.Equal(parameter, ex.ParameterName);
    }

    [Fact]
    public async Task A_Wildfire_only_channel_type_is_refused_with_the_WuKongIM_types_listed()
    {
        var ex = await Assert.ThrowsAsync<ImInputException>(() => Client.GetChannelAsync("g1", ChannelType.ChatRoom, None));
        Assert.Equal("ChannelType", ex.ParameterName);
        Assert.Contains("Person, Group", ex.Message);
    }

    [Fact]
    public async Task A_server_refusal_keeps_the_server_code_and_message()
    {
        var id = SandboxFixture.NewId("g");
        Sandbox.Host.WuKongServer.Faults.Add(new Fault { Path = "/channel", Status = 400, Body = """{"msg":"创建或更新频道失败","status":400}""" });
        var ex = await Assert.ThrowsAsync<ImException>(() => Client.NewChannelAsync(new ChannelSettings(id, ChannelType.Group), None));
        Assert.Equal(ImErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal(400, ex.HttpStatus);
        Assert.Equal(400, ex.ServerCode);
        Assert.Equal("创建或更新频道失败", ex.ServerMessage);
        Assert.Equal("POST /channel", ex.Request);
    }

    [Fact]
    public async Task A_missing_channel_reads_as_null_and_Get_says_how_to_create_it()
    {
        var id = SandboxFixture.NewId("none");
        Assert.Null(await Client.FindChannelAsync(id, ChannelType.Group, None));
        var ex = await Assert.ThrowsAsync<ImException>(() => Client.GetChannelAsync(id, ChannelType.Group, None));
        Assert.Equal(ImErrorKind.NotFound, ex.Kind);
        Assert.Contains("New-ImChannel", ex.Message);
    }

    [Fact]
    public async Task The_channel_read_sends_only_the_id_and_type_filters()
    {
        var id = SandboxFixture.NewId("g&x");
        await Client.FindChannelAsync(id, ChannelType.Community, None);
        var query = Sandbox.Host.WuKongServer.Journal.Entries.Last(e => e.Path == "/cluster/channels").Query;
        var names = query.TrimStart('?').Split('&').Select(p => p.Split('=')[0]).ToList();
        Assert.Equal(["channel_id", "channel_type"], names);
        Assert.Contains("channel_id=" + Uri.EscapeDataString(id), query);
    }

    [Fact]
    public async Task Set_keeps_the_current_ban_when_it_is_not_given()
    {
        var id = SandboxFixture.NewId("g");
        await Client.NewChannelAsync(new ChannelSettings(id, ChannelType.Group) { Ban = true, SendBan = true }, None);
        var log = new RecordingLog();
        ChannelState written;
        using (ImLog.Use(log))
            written = await Client.SetChannelAsync(new ChannelSettings(id, ChannelType.Group) { SendBan = false, AllowStranger = true }, None);

        Assert.True(written.Ban);
        var body = Body(Calls("/channel/info", id).Single());
        Assert.Equal(1, body.GetProperty("ban").GetInt32());
        Assert.Equal(0, body.GetProperty("send_ban").GetInt32());
        Assert.Equal(1, body.GetProperty("allow_stranger").GetInt32());
        var stored = Sandbox.Host.WuKong.State.FindChannelInfo(id, 2)!.Flags;
        Assert.True(stored.Ban);
        Assert.False(stored.SendBan);
        Assert.True(stored.AllowStranger);
        Assert.Contains(log.Verbose, m => m.Contains("Keeping ban=True"));
    }

    [Fact]
    public async Task Set_changes_the_ban_when_it_is_given_and_keeps_a_disbanded_channel_disbanded()
    {
        var id = SandboxFixture.NewId("g");
        await Client.NewChannelAsync(new ChannelSettings(id, ChannelType.Group) { Ban = true }, None);
        await Client.RemoveChannelAsync(id, ChannelType.Group, None);
        var written = await Client.SetChannelAsync(new ChannelSettings(id, ChannelType.Group) { Ban = false, ResetUnspecified = true }, None);

        var channel = await Client.ReadBackAsync(written, None);
        Assert.False(channel.Ban);
        Assert.True(channel.Disband);
        Assert.False(channel.SendBan);
        Assert.False(channel.AllowStranger);
    }

    [Fact]
    public async Task Set_refuses_to_guess_the_flags_the_server_cannot_report()
    {
        var id = SandboxFixture.NewId("g");
        await Client.NewChannelAsync(new ChannelSettings(id, ChannelType.Group), None);
        var ex = await Assert.ThrowsAsync<ImInputException>(() => Client.SetChannelAsync(new ChannelSettings(id, ChannelType.Group) { Ban = true }, None));
        Assert.Equal("SendBan", ex.ParameterName);
        Assert.Contains("-SendBan and -AllowStranger", ex.Message);
        Assert.Contains("-ResetUnspecified", ex.Message);
        Assert.Empty(Calls("/cluster/channels", id));
        Assert.Empty(Calls("/channel/info", id));

        var one = await Assert.ThrowsAsync<ImInputException>(() => Client.SetChannelAsync(new ChannelSettings(id, ChannelType.Group) { SendBan = true }, None));
        Assert.Equal("AllowStranger", one.ParameterName);
        Assert.DoesNotContain("-SendBan", one.Message);
    }

    [Fact]
    public async Task Set_on_a_missing_channel_fails_instead_of_creating_it()
    {
        var id = SandboxFixture.NewId("g");
        var ex = await Assert.ThrowsAsync<ImException>(() =>
            Client.SetChannelAsync(new ChannelSettings(id, ChannelType.Group) { SendBan = false, AllowStranger = false }, None));
        Assert.Equal(ImErrorKind.NotFound, ex.Kind);
        Assert.Empty(Calls("/channel/info", id));
        Assert.Null(Sandbox.Host.WuKong.State.FindChannelInfo(id, 2));
    }

    [Fact]
    public async Task Set_works_on_a_person_channel_to_ban_a_user()
    {
        var id = SandboxFixture.NewId("user");
        await Client.NewChannelAsync(new ChannelSettings(id, ChannelType.Person) { AllowStranger = true }, None);
        var written = await Client.SetChannelAsync(new ChannelSettings(id, ChannelType.Person) { Ban = true, SendBan = false, AllowStranger = true }, None);
        Assert.True((await Client.ReadBackAsync(written, None)).Ban);
    }

    [Fact]
    public async Task Remove_disbands_the_channel_and_keeps_its_members()
    {
        var id = SandboxFixture.NewId("g");
        await Client.NewChannelAsync(new ChannelSettings(id, ChannelType.Group) { Subscribers = ["u1"] }, None);
        await Client.RemoveChannelAsync(id, ChannelType.Group, None);

        Assert.True((await Client.GetChannelAsync(id, ChannelType.Group, None)).Disband);
        Assert.Single(await Client.GetChannelMembersAsync(ChannelMemberList.Subscribers, id, ChannelType.Group, None));
        Assert.Equal(2, Body(Calls("/channel/delete", id).Single()).GetProperty("channel_type").GetInt32());
    }

    [Fact]
    public async Task Remove_of_a_missing_channel_succeeds_so_a_repeat_is_harmless()
    {
        var id = SandboxFixture.NewId("g");
        await Client.RemoveChannelAsync(id, ChannelType.Group, None);
        await Client.RemoveChannelAsync(id, ChannelType.Group, None);
        Assert.Equal(2, Calls("/channel/delete", id).Count);
        Assert.Null(await Client.FindChannelAsync(id, ChannelType.Group, None));
    }

    [Fact]
    public async Task Remove_of_a_person_channel_is_refused_with_a_clear_message()
    {
        var id = SandboxFixture.NewId("user");
        var ex = await Assert.ThrowsAsync<ImInputException>(() => Client.RemoveChannelAsync(id, ChannelType.Person, None));
        Assert.Equal("ChannelType", ex.ParameterName);
        Assert.Contains("Set-ImChannel", ex.Message);
        Assert.Empty(Calls("/channel/delete", id));
    }

    [Fact]
    public async Task A_lost_answer_to_a_write_is_retried_because_writes_are_idempotent()
    {
        var id = SandboxFixture.NewId("g");
        Sandbox.Host.WuKongServer.Faults.Add(new Fault { Path = "/channel", Status = 502, AfterProcessing = true });
        await Client.NewChannelAsync(new ChannelSettings(id, ChannelType.Group) { Subscribers = ["u1"] }, None);
        Assert.Equal(2, Calls("/channel", id).Count);
        Assert.Single(await Client.GetChannelMembersAsync(ChannelMemberList.Subscribers, id, ChannelType.Group, None));
    }
}
