using System.Text.Json;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using static ImAdmin.Engine.Tests.Tencent.TencentTestKit;

namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>Accounts and profiles through IUserDirectory: import (ids in calls of 100, profiles one by one), check, portrait get/set, delete.</summary>
public class TencentUserTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private Task<ImSession> ConnectAsync() => SandboxFixture.ConnectAsync(sandbox.TencentRequest());

    private static IUserDirectory Users(ImSession session) => Client(session);

    [Fact]
    public async Task Ids_only_go_through_multiaccount_import_in_calls_of_100_and_a_rerun_duplicates_nothing()
    {
        using var session = await ConnectAsync();
        var rows = NewIds("m", 230).Select(id => new UserInput(id)).ToList();
        var before = Calls(sandbox.Host, "im_open_login_svc/multiaccount_import").Count;

        var first = await Users(session).CreateUsersAsync(rows, CancellationToken.None);
        var again = await Users(session).CreateUsersAsync(rows, CancellationToken.None);

        var calls = Calls(sandbox.Host, "im_open_login_svc/multiaccount_import").Skip(before).ToList();
        Assert.Equal(6, calls.Count);
        Assert.Equal(new[] { 100, 100, 30 }, calls.Take(3).Select(c => JsonDocument.Parse(c.Body).RootElement.GetProperty("Accounts").GetArrayLength()));
        Assert.Equal((230, 0, 230, 0), (first.Values().Count, first.Failures().Count, again.Values().Count, again.Failures().Count));
        Assert.All(rows, r => Assert.True(sandbox.Host.Tencent.State.Exists(r.UserId)));
        Assert.True(first.Values().All(u => u.Exists && u.Provider == ImProvider.TencentCloud));
    }

    [Fact]
    public async Task A_row_with_a_profile_goes_through_account_import_and_Get_reads_it_back()
    {
        using var session = await ConnectAsync();
        var id = SandboxFixture.NewId("p");

        var created = await Users(session).CreateUsersAsync(new[] { new UserInput(id, "Zoë", "https://cdn.example/z.png") }, CancellationToken.None);
        var read = await Users(session).GetUsersAsync(new[] { id }, CancellationToken.None);

        Assert.Empty(created.Failures());
        var body = JsonDocument.Parse(Calls(sandbox.Host, "im_open_login_svc/account_import").Last().Body).RootElement;
        Assert.Equal((id, "Zoë", "https://cdn.example/z.png"), (body.GetString("UserID"), body.GetString("Nick"), body.GetString("FaceUrl")));
        var user = Assert.Single(read.Values());
        Assert.Equal((id, "Zoë", "https://cdn.example/z.png", true), (user.UserId, user.DisplayName, user.AvatarUri, user.Exists));
    }

    [Fact]
    public async Task Get_reports_a_missing_user_as_NotFound_and_a_user_without_profile_with_empty_fields()
    {
        using var session = await ConnectAsync();
        var (plain, missing) = (SandboxFixture.NewId("plain"), SandboxFixture.NewId("missing"));
        await ImportAsync(session, plain);

        var outcome = await Users(session).GetUsersAsync(new[] { plain, missing }, CancellationToken.None);

        var user = Assert.Single(outcome.Values());
        Assert.Equal((plain, (string?)null, (string?)null), (user.UserId, user.DisplayName, user.AvatarUri));
        var failure = Assert.Single(outcome.Failures());
        Assert.Equal(((object)missing, ImErrorKind.NotFound), (failure.Input, failure.Error!.Kind));
    }

    [Fact]
    public async Task Set_changes_only_the_given_tag_and_refuses_an_overlong_value_before_sending()
    {
        using var session = await ConnectAsync();
        var id = SandboxFixture.NewId("s");
        await Users(session).CreateUsersAsync(new[] { new UserInput(id, "Old", "https://a/1.png") }, CancellationToken.None);
        var before = Calls(sandbox.Host, "profile/portrait_set").Count;

        var changed = await Users(session).SetUsersAsync(new[] { new UserInput(id, displayName: "New"), new UserInput(id, avatarUri: new string('x', 501)) }, CancellationToken.None);

        Assert.Single(changed.Values());
        var failure = Assert.Single(changed.Failures());
        Assert.Equal("AvatarUri", Assert.IsType<ImInputException>(failure.Error).ParameterName);
        Assert.Equal(before + 1, Calls(sandbox.Host, "profile/portrait_set").Count);
        var profile = sandbox.Host.Tencent.State.Profile(id)!;
        Assert.Equal(("New", "https://a/1.png"), (profile["Tag_Profile_IM_Nick"], profile["Tag_Profile_IM_Image"]));
    }

    [Fact]
    public async Task Set_of_an_unknown_user_keeps_the_server_code_40003()
    {
        using var session = await ConnectAsync();

        var outcome = await Users(session).SetUsersAsync(new[] { new UserInput(SandboxFixture.NewId("ghost"), "x") }, CancellationToken.None);

        Assert.Equal(40003, Assert.Single(outcome.Failures()).Error!.ServerCode);
    }

    [Fact]
    public async Task Remove_deletes_in_calls_of_100_and_reports_an_unknown_id_per_item()
    {
        using var session = await ConnectAsync();
        var ids = NewIds("d", 120);
        await ImportAsync(session, ids);
        var ghost = SandboxFixture.NewId("ghost");
        var before = Calls(sandbox.Host, "im_open_login_svc/account_delete").Count;

        var outcome = await Users(session).RemoveUsersAsync(ids.Append(ghost).ToList(), CancellationToken.None);

        Assert.Equal(2, Calls(sandbox.Host, "im_open_login_svc/account_delete").Count - before);
        Assert.Equal(120, outcome.Values().Count);
        var failure = Assert.Single(outcome.Failures());
        Assert.Equal(((object)ghost, ImErrorKind.NotFound), (failure.Input, failure.Error!.Kind));
        Assert.All(ids, id => Assert.False(sandbox.Host.Tencent.State.Exists(id)));
    }

    [Fact]
    public async Task An_id_over_32_bytes_fails_alone_before_anything_is_sent()
    {
        using var session = await ConnectAsync();
        var before = sandbox.Host.TencentServer.Journal.Entries.Count;

        var outcome = await Users(session).CreateUsersAsync(new[] { new UserInput(new string('a', 33)) }, CancellationToken.None);

        Assert.Equal("UserId", Assert.IsType<ImInputException>(Assert.Single(outcome.Failures()).Error).ParameterName);
        Assert.Equal(before, sandbox.Host.TencentServer.Journal.Entries.Count);
    }
}
