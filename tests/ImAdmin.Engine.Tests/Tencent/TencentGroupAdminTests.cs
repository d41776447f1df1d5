using System.Text.Json;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using static ImAdmin.Engine.Tests.Tencent.TencentTestKit;

namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>Groups through IGroupManager, IGroupLister and IGroupMembership over the sandbox.</summary>
public class TencentGroupAdminTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private Task<ImSession> ConnectAsync() => SandboxFixture.ConnectAsync(sandbox.TencentRequest());

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }

    [Fact]
    public async Task A_group_is_created_with_owner_and_150_members_then_read_back()
    {
        using var session = await ConnectAsync();
        var owner = (await ImportAsync(session, SandboxFixture.NewId("owner")))[0];
        var members = await ImportAsync(session, NewIds("mem", 150));
        var id = SandboxFixture.NewId("grp");

        await Client(session).CreateGroupAsync(new GroupSpec(id) { Name = "Ops team", Owner = owner, Members = members }, CancellationToken.None);
        var group = await Client(session).GetGroupAsync(id, CancellationToken.None);

        var create = JsonDocument.Parse(Calls(sandbox.Host, "group_open_http_svc/create_group").Last().Body).RootElement;
        Assert.Equal(("Private", 100), (create.GetString("Type"), create.GetProperty("MemberList").GetArrayLength()));
        Assert.NotNull(group);
        Assert.Equal(("Ops team", owner, (GroupType?)GroupType.Private, (int?)151), (group!.Name, group.Owner, group.GroupType, group.MemberCount));
        Assert.Equal("Owner", sandbox.Host.Tencent.State.GroupMembers(id)[0].Role);
    }

    [Theory]
    [InlineData("@TGS#mine", GroupType.Public, "ChannelId")]
    [InlineData("plain", GroupType.Community, "ChannelId")]
    [InlineData("ok-id", GroupType.Normal, "GroupType")]
    public async Task Ids_and_types_the_server_refuses_fail_before_sending(string id, GroupType type, string parameter)
    {
        using var session = await ConnectAsync();
        var before = Calls(sandbox.Host, "group_open_http_svc/create_group").Count;

        var error = await Assert.ThrowsAsync<ImInputException>(() => Client(session).CreateGroupAsync(new GroupSpec(id) { Name = "x", GroupType = type }, CancellationToken.None));

        Assert.Equal(parameter, error.ParameterName);
        Assert.Equal(before, Calls(sandbox.Host, "group_open_http_svc/create_group").Count);
    }

    [Fact]
    public async Task A_taken_id_is_AlreadyExists_and_a_missing_name_is_refused()
    {
        using var session = await ConnectAsync();
        var id = SandboxFixture.NewId("dup");
        await Client(session).CreateGroupAsync(new GroupSpec(id) { Name = "A" }, CancellationToken.None);

        var taken = await Assert.ThrowsAsync<ImException>(() => Client(session).CreateGroupAsync(new GroupSpec(id) { Name = "A" }, CancellationToken.None));
        var nameless = await Assert.ThrowsAsync<ImInputException>(() => Client(session).CreateGroupAsync(new GroupSpec(SandboxFixture.NewId("n")), CancellationToken.None));

        Assert.Equal((ImErrorKind.AlreadyExists, 10021), (taken.Kind, taken.ServerCode));
        Assert.Equal("Name", nameless.ParameterName);
    }

    [Fact]
    public async Task Every_group_is_listed_through_64_bit_Next_cursors()
    {
        using var session = await ConnectAsync();
        var ids = NewIds("lst", 5);
        foreach (var id in ids) await Client(session).CreateGroupAsync(new GroupSpec(id) { Name = id[..Math.Min(id.Length, 30)] }, CancellationToken.None);

        var groups = await ListAsync(Client(session).ListGroupsAsync(2, CancellationToken.None));

        Assert.Superset(ids.ToHashSet(), groups.Select(g => g.ChannelId).ToHashSet());
        var nexts = Calls(sandbox.Host, "group_open_http_svc/get_appid_group_list").Select(c => JsonDocument.Parse(c.Body).RootElement.GetProperty("Next").GetUInt64()).ToList();
        Assert.Contains(nexts, n => n > uint.MaxValue);
    }

    [Fact]
    public async Task Remove_destroys_and_a_second_remove_is_NotFound()
    {
        using var session = await ConnectAsync();
        var id = SandboxFixture.NewId("rm");
        await Client(session).CreateGroupAsync(new GroupSpec(id) { Name = "gone" }, CancellationToken.None);

        await Client(session).RemoveGroupAsync(id, CancellationToken.None);
        var again = await Assert.ThrowsAsync<ImException>(() => Client(session).RemoveGroupAsync(id, CancellationToken.None));

        Assert.Null(await Client(session).GetGroupAsync(id, CancellationToken.None));
        Assert.Equal((ImErrorKind.NotFound, 10010), (again.Kind, again.ServerCode));
    }

    [Fact]
    public async Task Members_are_added_in_calls_of_300_read_in_pages_and_removed_in_calls_of_100()
    {
        using var session = await ConnectAsync();
        var id = SandboxFixture.NewId("mem");
        await Client(session).CreateGroupAsync(new GroupSpec(id) { Name = "many" }, CancellationToken.None);
        var users = await ImportAsync(session, NewIds("u", 350));
        var (adds, deletes) = (Calls(sandbox.Host, "group_open_http_svc/add_group_member").Count, Calls(sandbox.Host, "group_open_http_svc/delete_group_member").Count);

        await Client(session).AddGroupMembersAsync(id, users, CancellationToken.None);
        var members = await ListAsync(Client(session).GetGroupMembersAsync(id, 200, CancellationToken.None));
        await Client(session).RemoveGroupMembersAsync(id, users.Take(150).ToList(), CancellationToken.None);

        Assert.Equal(2, Calls(sandbox.Host, "group_open_http_svc/add_group_member").Count - adds);
        Assert.Equal(users, members.Select(m => m.UserId));
        Assert.Equal(2, Calls(sandbox.Host, "group_open_http_svc/delete_group_member").Count - deletes);
        Assert.Equal(200, sandbox.Host.Tencent.State.GroupMembers(id).Count);
    }

    [Fact]
    public async Task A_Community_pages_members_with_Next()
    {
        using var session = await ConnectAsync();
        var id = "@TGS#_" + SandboxFixture.NewId("c");
        var users = await ImportAsync(session, NewIds("cu", 5));
        await Client(session).CreateGroupAsync(new GroupSpec(id) { Name = "community", GroupType = GroupType.Community, Members = users }, CancellationToken.None);

        var members = await ListAsync(Client(session).GetGroupMembersAsync(id, 2, CancellationToken.None));

        Assert.Equal(users, members.Select(m => m.UserId));
        var bodies = Calls(sandbox.Host, "group_open_http_svc/get_group_member_info").Select(c => JsonDocument.Parse(c.Body).RootElement).Where(b => b.GetString("GroupId") == id).ToList();
        Assert.Equal(3, bodies.Count);
        Assert.All(bodies, b => Assert.False(b.TryGetProperty("Offset", out _)));
    }

    [Fact]
    public async Task Each_member_has_its_own_result_and_only_a_refused_member_fails()
    {
        using var session = await ConnectAsync();
        var id = SandboxFixture.NewId("part");
        await Client(session).CreateGroupAsync(new GroupSpec(id) { Name = "partial" }, CancellationToken.None);
        var known = await ImportAsync(session, NewIds("known", 2));
        var ghost = SandboxFixture.NewId("ghost");
        await Client(session).AddGroupMembersAsync(id, new[] { known[1] }, CancellationToken.None);

        var results = await Client(session).AddGroupMembersAsync(id, new[] { known[0], ghost, known[1] }, CancellationToken.None);

        // Added (Result 1) and already a member (Result 2) succeed; the never-imported account (Result 0) fails alone.
        Assert.Equal(new[] { known[0], ghost, known[1] }, results.Select(r => r.Input));
        Assert.Equal(new[] { true, false, true }, results.Select(r => r.Succeeded));
        var refused = results[1].Error!;
        Assert.Equal(ItemOutcome.Failed, results[1].Outcome);
        Assert.Contains(ghost, refused.Message);
        Assert.Contains("Result 0", refused.Message);
        Assert.Equal(new[] { known[1], known[0] }, sandbox.Host.Tencent.State.GroupMembers(id).Select(m => m.UserId));
    }

    [Fact]
    public async Task Creating_a_big_group_names_the_members_the_server_refused()
    {
        using var session = await ConnectAsync();
        var id = SandboxFixture.NewId("big");
        var users = await ImportAsync(session, NewIds("bu", 101));
        var ghost = SandboxFixture.NewId("ghost");

        // The first 100 go with create_group, the rest through add_group_member.
        var error = await Assert.ThrowsAsync<ImException>(() => Client(session).CreateGroupAsync(
            new GroupSpec(id) { Name = "big", Members = users.Append(ghost).ToList() }, CancellationToken.None));

        Assert.Contains(ghost, error.Message);
        Assert.Contains("was created", error.Message);
        Assert.Equal(101, sandbox.Host.Tencent.State.GroupMembers(id).Count(m => m.UserId != ghost && users.Contains(m.UserId)));
    }

    [Fact]
    public async Task An_AVChatRoom_has_no_member_list()
    {
        using var session = await ConnectAsync();
        var id = SandboxFixture.NewId("live");
        await Client(session).CreateGroupAsync(new GroupSpec(id) { Name = "live", GroupType = GroupType.AVChatRoom }, CancellationToken.None);

        await Assert.ThrowsAsync<ImCapabilityException>(() => ListAsync(Client(session).GetGroupMembersAsync(id, 10, CancellationToken.None)));
    }
}
