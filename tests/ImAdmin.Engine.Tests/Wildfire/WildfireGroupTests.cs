using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Wildfire;

namespace ImAdmin.Engine.Tests.Wildfire;

/// <summary>Groups on WildfireChat over loopback, through the provider-neutral group capabilities.</summary>
public class WildfireGroupTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private WildfireSandbox Server => sandbox.Host.Wildfire;

    public void Dispose() => sandbox.Host.WildfireServer.Journal.Clear();

    private async Task<(ImSession Session, IGroupManager Groups, IGroupMembership Members)> ConnectAsync()
    {
        var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var client = WildfireTestServer.Client(session);
        return (session, client, client);
    }

    private static async Task<List<string>> MembersAsync(IGroupMembership members, string groupId)
    {
        var ids = new List<string>();
        await foreach (var member in members.GetGroupMembersAsync(groupId, 100, CancellationToken.None)) ids.Add(member.UserId);
        return ids;
    }

    [Fact]
    public async Task Create_stores_name_owner_type_and_members_and_get_reads_them_back()
    {
        var (session, groups, members) = await ConnectAsync();
        using var _ = session;
        var id = SandboxFixture.NewId("g");

        await groups.CreateGroupAsync(new GroupSpec(id) { Name = "Ops", Owner = "alice", GroupType = GroupType.Free, Members = new[] { "bob", "carol", "alice" } }, CancellationToken.None);
        var group = await groups.GetGroupAsync(id, CancellationToken.None);

        Assert.NotNull(group);
        Assert.Equal((id, ChannelType.Group, "Ops", "alice", GroupType.Free, 3), (group.ChannelId, group.ChannelType, group.Name, group.Owner, group.GroupType, group.MemberCount));
        Assert.Equal(new[] { "alice", "bob", "carol" }, (await MembersAsync(members, id)).OrderBy(m => m));
        var body = sandbox.Host.WildfireServer.Journal.Entries.Single(e => e.Path == "/admin/group/create").Body;
        Assert.Contains("\"operator\":\"alice\"", body);
        Assert.Contains("\"group_info\":{\"target_id\":\"" + id + "\"", body);
        Assert.Contains("{\"member_id\":\"bob\"}", body);
    }

    [Fact]
    public async Task Without_an_owner_the_group_belongs_to_admin_and_is_of_the_restricted_kind()
    {
        var (session, groups, _) = await ConnectAsync();
        using var __ = session;
        var id = SandboxFixture.NewId("g");

        await groups.CreateGroupAsync(new GroupSpec(id), CancellationToken.None);
        var group = await groups.GetGroupAsync(id, CancellationToken.None);

        Assert.Equal(("admin", GroupType.Restricted, 1), (group!.Owner, group.GroupType, group.MemberCount));
    }

    [Fact]
    public async Task A_taken_id_is_AlreadyExists_with_the_servers_code_11()
    {
        var (session, groups, _) = await ConnectAsync();
        using var __ = session;
        var id = SandboxFixture.NewId("g");
        await groups.CreateGroupAsync(new GroupSpec(id), CancellationToken.None);

        var ex = await Assert.ThrowsAsync<ImException>(() => groups.CreateGroupAsync(new GroupSpec(id) { Name = "again" }, CancellationToken.None));

        Assert.Equal((ImErrorKind.AlreadyExists, 11), (ex.Kind, ex.ServerCode));
    }

    [Fact]
    public async Task A_Tencent_group_type_is_refused_before_anything_is_sent()
    {
        var (session, groups, _) = await ConnectAsync();
        using var __ = session;

        var ex = Assert.Throws<ImInputException>(() => groups.CheckGroupType(GroupType.AVChatRoom));
        await Assert.ThrowsAsync<ImInputException>(() => groups.CreateGroupAsync(new GroupSpec("x") { GroupType = GroupType.Public }, CancellationToken.None));

        Assert.Equal("GroupType", ex.ParameterName);
        Assert.Equal(0, sandbox.Host.WildfireServer.Journal.Count("/admin/group/create"));
    }

    [Fact]
    public async Task An_unknown_group_is_null_on_get_and_NotFound_on_every_change()
    {
        var (session, groups, members) = await ConnectAsync();
        using var _ = session;
        var id = SandboxFixture.NewId("none");

        Assert.Null(await groups.GetGroupAsync(id, CancellationToken.None));
        var errors = new[]
        {
            await Assert.ThrowsAsync<ImException>(() => groups.RemoveGroupAsync(id, CancellationToken.None)),
            await Assert.ThrowsAsync<ImException>(() => members.AddGroupMembersAsync(id, new[] { "bob" }, CancellationToken.None)),
            await Assert.ThrowsAsync<ImException>(() => members.RemoveGroupMembersAsync(id, new[] { "bob" }, CancellationToken.None)),
            await Assert.ThrowsAsync<ImException>(() => MembersAsync(members, id)),
        };

        Assert.All(errors, e => Assert.Equal((ImErrorKind.NotFound, 253), (e.Kind, e.ServerCode)));
    }

    [Fact]
    public async Task Adding_is_idempotent_and_removing_ignores_non_members()
    {
        var (session, groups, members) = await ConnectAsync();
        using var _ = session;
        var id = SandboxFixture.NewId("g");
        await groups.CreateGroupAsync(new GroupSpec(id) { Owner = "alice" }, CancellationToken.None);

        var added = await members.AddGroupMembersAsync(id, new[] { "bob", "carol" }, CancellationToken.None);
        var again = await members.AddGroupMembersAsync(id, new[] { "bob" }, CancellationToken.None);
        await members.RemoveGroupMembersAsync(id, new[] { "carol", "nobody" }, CancellationToken.None);

        // member/add answers no per-member part: every user of the call shares its success.
        Assert.Equal(new[] { "bob:True", "carol:True", "bob:True" }, added.Concat(again).Select(r => $"{r.Input}:{r.Succeeded}"));
        Assert.Equal(new[] { "alice", "bob" }, (await MembersAsync(members, id)).OrderBy(m => m));
        Assert.Equal(2, (await groups.GetGroupAsync(id, CancellationToken.None))!.MemberCount);
        Assert.Contains(sandbox.Host.WildfireServer.Journal.Entries, e => e.Path == "/admin/group/member/del" && e.Body.Contains("\"members\":[\"carol\",\"nobody\"]"));
    }

    [Fact]
    public async Task Removing_dismisses_the_group()
    {
        var (session, groups, _) = await ConnectAsync();
        using var __ = session;
        var id = SandboxFixture.NewId("g");
        await groups.CreateGroupAsync(new GroupSpec(id), CancellationToken.None);

        await groups.RemoveGroupAsync(id, CancellationToken.None);

        Assert.False(Server.Directory.Groups.Exists(id));
    }

    [Fact]
    public async Task A_destroyed_owner_hands_the_group_to_the_next_member()
    {
        var (session, groups, members) = await ConnectAsync();
        using var _ = session;
        var (owner, id) = (SandboxFixture.NewId("own"), SandboxFixture.NewId("g"));
        await WildfireTestServer.CreateUserAsync(session, owner);
        await groups.CreateGroupAsync(new GroupSpec(id) { Owner = owner, Members = new[] { "bob" } }, CancellationToken.None);

        Assert.Empty((await WildfireTestServer.Client(session).RemoveUsersAsync(new[] { owner }, CancellationToken.None)).Failures());

        Assert.Equal("bob", (await groups.GetGroupAsync(id, CancellationToken.None))!.Owner);
        Assert.Equal(new[] { "bob" }, await MembersAsync(members, id));
    }
}
