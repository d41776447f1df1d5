using System.Text.Json;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Providers.Wildfire;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox;
using ImAdmin.Sandbox.Wildfire;

namespace ImAdmin.Engine.Tests.Wildfire;

/// <summary>Users on WildfireChat over loopback: create-or-update, update flags, block status, destroy, lookups and paging.</summary>
public class WildfireUserTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private WildfireSandbox Server => sandbox.Host.Wildfire;

    public void Dispose() => sandbox.Host.WildfireServer.Journal.Clear();

    private async Task<(ImSession Session, WildfireClient Client)> ConnectAsync()
    {
        var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        return (session, WildfireTestServer.Client(session));
    }

    private static async Task<ImUser> SaveAsync(WildfireClient client, string userId, string? displayName, string? avatarUri) =>
        Single(await client.CreateUsersAsync(new[] { new UserInput(userId, displayName, avatarUri) }, CancellationToken.None));

    private static async Task SetAsync(WildfireClient client, string userId, string? displayName, string? avatarUri, UserStatus? status)
    {
        if (displayName != null || avatarUri != null) Single(await client.SetUsersAsync(new[] { new UserInput(userId, displayName, avatarUri) }, CancellationToken.None));
        if (status != null) await client.SetUserStatusAsync(userId, status.Value, CancellationToken.None);
    }

    private static async Task RemoveAsync(WildfireClient client, string userId) =>
        Single(await client.RemoveUsersAsync(new[] { userId }, CancellationToken.None));

    /// <summary>The one item of a one-item outcome, or its failure thrown.</summary>
    private static T Single<T>(IReadOnlyList<ItemResult<T>> results) => Assert.Single(results) is { Succeeded: false } failed ? throw failed.Error! : results[0].Value!;

    private JsonElement Row(string userId) =>
        JsonDocument.Parse(Server.Directory.Users.FindMany(new[] { userId }).Single().ToJsonString()).RootElement;

    [Fact]
    public async Task Saving_a_new_user_creates_it_with_its_id_as_login_name()
    {
        var (session, client) = await ConnectAsync();
        using var _ = session;
        var id = SandboxFixture.NewId("nu");

        var user = await SaveAsync(client, id, "Ann Lee", "https://img/a.png");

        Assert.Equal((id, "Ann Lee", "https://img/a.png", true, ImProvider.Wildfire), (user.UserId, user.DisplayName, user.AvatarUri, user.Exists, user.Provider));
        Assert.Equal(id, Row(id).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Saving_again_changes_only_the_given_fields_and_duplicates_nothing()
    {
        var (session, client) = await ConnectAsync();
        using var _ = session;
        var id = SandboxFixture.NewId("re");
        await WildfireTestServer.PostAsync(session, "/admin/user/create", new { userId = id, name = id, displayName = "Old", portrait = "p1", mobile = "555" });
        var users = Server.Directory.UserIds.Count;
        sandbox.Host.WildfireServer.Journal.Clear();

        var user = await SaveAsync(client, id, "New", null);

        Assert.Equal(("New", "p1"), (user.DisplayName, user.AvatarUri));
        Assert.Equal(users, Server.Directory.UserIds.Count);
        var row = Row(id);
        Assert.Equal(("New", "p1", "555"), (row.GetProperty("displayName").GetString(), row.GetProperty("portrait").GetString(), row.GetProperty("mobile").GetString()));
        Assert.Equal(0, sandbox.Host.WildfireServer.Journal.Count("/admin/user/create"));
        Assert.Contains(sandbox.Host.WildfireServer.Journal.Entries, e => e.Path == "/admin/user/update" && e.Body.Contains("\"flag\":1"));
    }

    [Fact]
    public async Task A_login_name_that_another_user_has_is_the_servers_code_4_with_its_message()
    {
        var (session, client) = await ConnectAsync();
        using var _ = session;
        var id = SandboxFixture.NewId("clash");
        await WildfireTestServer.PostAsync(session, "/admin/user/create", new { userId = SandboxFixture.NewId("other"), name = id });

        var ex = await Assert.ThrowsAsync<ImException>(() => SaveAsync(client, id, "X", null));

        Assert.Equal(4, ex.ServerCode);
        Assert.Equal("用户名不能重复，必须唯一！！！", ex.ServerMessage);
    }

    [Fact]
    public async Task Set_changes_the_fields_and_the_block_status_that_Get_reads_back()
    {
        var (session, client) = await ConnectAsync();
        using var _ = session;
        var id = SandboxFixture.NewId("st");
        await SaveAsync(client, id, "Sam", null);

        await SetAsync(client, id, null, "https://img/s.png", UserStatus.Banned);
        var outcome = await client.GetUsersAsync(new[] { id }, CancellationToken.None);

        var user = Assert.Single(outcome.Values());
        Assert.Equal(("Sam", "https://img/s.png", UserStatus.Banned), (user.DisplayName, user.AvatarUri, user.Status));
        Assert.Equal(2, Server.Directory.Users.BlockStatus(id));
        Assert.Contains(sandbox.Host.WildfireServer.Journal.Entries, e => e.Path == "/admin/user/update" && e.Body.Contains("\"flag\":2"));
        Assert.Contains(sandbox.Host.WildfireServer.Journal.Entries, e => e.Path == "/admin/user/update_block_status" && e.Body.Contains("\"status\":2"));
        Assert.Equal(1, sandbox.Host.WildfireServer.Journal.Count("/admin/user/check_block_status"));
    }

    [Fact]
    public async Task Setting_the_status_of_an_unknown_user_is_NotFound_and_stores_nothing()
    {
        var (session, client) = await ConnectAsync();
        using var _ = session;
        var id = SandboxFixture.NewId("ghost");

        var ex = await Assert.ThrowsAsync<ImException>(() => SetAsync(client, id, null, null, UserStatus.Muted));

        Assert.Equal(ImErrorKind.NotFound, ex.Kind);
        Assert.Equal(0, Server.Directory.Users.BlockStatus(id));
    }

    [Fact]
    public async Task Updating_an_unknown_user_is_the_servers_253()
    {
        var (session, client) = await ConnectAsync();
        using var _ = session;

        var ex = await Assert.ThrowsAsync<ImException>(() => SetAsync(client, SandboxFixture.NewId("nope"), "X", null, null));

        Assert.Equal((ImErrorKind.NotFound, 253), (ex.Kind, ex.ServerCode));
    }

    [Fact]
    public async Task Get_reports_unknown_and_destroyed_ids_as_failures_although_batch_get_infos_skips_or_returns_them()
    {
        var (session, client) = await ConnectAsync();
        using var _ = session;
        var (live, gone, never) = (SandboxFixture.NewId("live"), SandboxFixture.NewId("gone"), SandboxFixture.NewId("never"));
        await SaveAsync(client, live, null, null);
        await SaveAsync(client, gone, "Gone", null);
        await RemoveAsync(client, gone);

        var outcome = await client.GetUsersAsync(new[] { live, gone, never }, CancellationToken.None);

        Assert.Equal(live, Assert.Single(outcome.Values()).UserId);
        Assert.Equal(new[] { gone, never }, outcome.Failures().Select(f => (string)f.Input).OrderBy(k => k == never));
        Assert.All(outcome.Failures(), f => Assert.Equal(ImErrorKind.NotFound, f.Error!.Kind));
        Assert.Equal(1, sandbox.Host.WildfireServer.Journal.Count("/admin/user/batch_get_infos"));
    }

    [Fact]
    public async Task A_new_users_display_name_defaults_to_its_id()
    {
        var (session, client) = await ConnectAsync();
        using var _ = session;
        var id = SandboxFixture.NewId("plain");

        var user = await SaveAsync(client, id, null, null);

        Assert.Equal(id, user.DisplayName);
    }

    [Fact]
    public async Task Removing_destroys_the_user_and_an_unknown_id_is_NotFound()
    {
        var (session, client) = await ConnectAsync();
        using var _ = session;
        var id = SandboxFixture.NewId("rm");
        await SaveAsync(client, id, "Rm", null);

        await RemoveAsync(client, id);
        var again = await Assert.ThrowsAsync<ImException>(() => RemoveAsync(client, id));

        Assert.False(Server.Directory.Users.Exists(id));
        Assert.Equal(ImErrorKind.NotFound, again.Kind);
        Assert.Equal(1, sandbox.Host.WildfireServer.Journal.Count("/admin/user/destroy"));
    }

    [Fact]
    public async Task Listing_pages_through_user_all_in_creation_order_with_statuses_from_one_blocked_list()
    {
        var (session, client) = await ConnectAsync();
        using var _ = session;
        var id = SandboxFixture.NewId("ls");
        await SaveAsync(client, id, null, null);
        await SetAsync(client, id, null, null, UserStatus.Muted);
        sandbox.Host.WildfireServer.Journal.Clear();

        var users = new List<ImUser>();
        await foreach (var user in client.ListUsersAsync(0, 2, CancellationToken.None)) users.Add(user);

        Assert.Equal(Server.Directory.UserIds, users.Select(u => u.UserId));
        Assert.Equal(new[] { "FireRobot", "admin", "wfc_file_transfer" }, users.Take(3).Select(u => u.UserId));
        Assert.Equal(UserStatus.Muted, users.Single(u => u.UserId == id).Status);
        Assert.Equal(users.Count / 2 + 1, sandbox.Host.WildfireServer.Journal.Count("/admin/user/all"));
        Assert.Equal(1, sandbox.Host.WildfireServer.Journal.Count("/admin/user/get_blocked_list"));
    }

    [Fact]
    public async Task Listing_from_an_offset_skips_on_the_server()
    {
        var (session, client) = await ConnectAsync();
        using var _ = session;

        var users = new List<ImUser>();
        await foreach (var user in client.ListUsersAsync(1, 100, CancellationToken.None)) users.Add(user);

        Assert.Equal(Server.Directory.UserIds.Skip(1), users.Select(u => u.UserId));
        Assert.Contains(sandbox.Host.WildfireServer.Journal.Entries, e => e.Path == "/admin/user/all" && e.Body.Contains("\"offset\":1"));
    }

    [Fact]
    public async Task Without_batch_get_infos_each_id_is_asked_with_get_info()
    {
        await using var host = await WildfireTestServer.StartAsync(new SandboxOptions { WildfireBatchUserInfo = false });
        using var session = await SandboxFixture.ConnectAsync(WildfireTestServer.RequestFor(sandbox, host));
        var client = WildfireTestServer.Client(session);
        await SaveAsync(client, "u1", "One", null);

        var outcome = await client.GetUsersAsync(new[] { "u1", "u2" }, CancellationToken.None);

        Assert.Equal("One", Assert.Single(outcome.Values()).DisplayName);
        Assert.Equal("u2", Assert.Single(outcome.Failures()).Input);
    }

    [Fact]
    public async Task Many_users_get_their_statuses_from_one_blocked_list_call()
    {
        var (session, client) = await ConnectAsync();
        using var _ = session;
        var ids = Enumerable.Range(0, 12).Select(i => SandboxFixture.NewId("many")).ToList();
        foreach (var id in ids) await SaveAsync(client, id, null, null);
        await SetAsync(client, ids[5], null, null, UserStatus.Banned);
        sandbox.Host.WildfireServer.Journal.Clear();

        var outcome = await client.GetUsersAsync(ids, CancellationToken.None);

        Assert.Equal(UserStatus.Banned, outcome.Values().Single(u => u.UserId == ids[5]).Status);
        Assert.All(outcome.Values().Where(u => u.UserId != ids[5]), u => Assert.Equal(UserStatus.Normal, u.Status));
        Assert.Equal(1, sandbox.Host.WildfireServer.Journal.Count("/admin/user/get_blocked_list"));
        Assert.Equal(0, sandbox.Host.WildfireServer.Journal.Count("/admin/user/check_block_status"));
    }
}
