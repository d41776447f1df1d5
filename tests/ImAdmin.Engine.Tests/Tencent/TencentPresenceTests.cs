using System.Text.Json;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox;
using static ImAdmin.Engine.Tests.Tencent.TencentTestKit;

namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>Get-ImOnlineStatus (query_online_status) and Disconnect-ImDevice (kick) on Tencent Cloud IM.</summary>
public class TencentPresenceTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string StatusApi = "openim/query_online_status";
    private const string KickApi = "im_open_login_svc/kick";

    private Task<ImSession> ConnectAsync() => SandboxFixture.ConnectAsync(sandbox.TencentRequest());

    [Fact]
    public async Task Online_status_reads_Status_and_the_platforms_of_every_user()
    {
        using var session = await ConnectAsync();
        var ids = await ImportAsync(session, NewIds("presence", 3));
        sandbox.Host.Tencent.State.SetPresence(ids[0], "iPhone", "Online");
        sandbox.Host.Tencent.State.SetPresence(ids[0], "Web", "Online");
        sandbox.Host.Tencent.State.SetPresence(ids[1], "Android", "PushOnline");

        var outcome = await Client(session).GetOnlineStatusesAsync(ids, CancellationToken.None);

        Assert.Empty(outcome.Failures());
        var byUser = outcome.Values().ToDictionary(s => s.UserId);
        Assert.Equal(("Online", true, 2), (byUser[ids[0]].Status, byUser[ids[0]].Online, byUser[ids[0]].ConnectionCount));
        Assert.Equal(["iPhone", "Web"], byUser[ids[0]].Platforms.Order());
        Assert.Equal(("PushOnline", false), (byUser[ids[1]].Status, byUser[ids[1]].Online));
        Assert.Equal(["Android"], byUser[ids[1]].Platforms);
        Assert.Equal(("Offline", false, 0), (byUser[ids[2]].Status, byUser[ids[2]].Online, byUser[ids[2]].Platforms.Length));
        var body = JsonDocument.Parse(Calls(sandbox.Host, StatusApi).Last().Body).RootElement;
        Assert.Equal(1, body.GetProperty("IsNeedDetail").GetInt32());
    }

    [Fact]
    public async Task Online_status_goes_500_users_per_call_and_reports_unknown_accounts_one_by_one()
    {
        using var session = await ConnectAsync();
        var known = await ImportAsync(session, NewIds("many", 600));
        var unknown = SandboxFixture.NewId("ghost");
        var before = Calls(sandbox.Host, StatusApi).Count;

        var outcome = await Client(session).GetOnlineStatusesAsync(known.Append(unknown).ToArray(), CancellationToken.None);

        Assert.Equal(2, Calls(sandbox.Host, StatusApi).Count - before);
        Assert.Equal(600, outcome.Values().Count);
        var failure = Assert.Single(outcome.Failures());
        Assert.Equal(unknown, (string)failure.Input);
        Assert.Equal(70107, failure.Error!.ServerCode);
        Assert.Contains(unknown, failure.Error!.Message);
    }

    [Fact]
    public async Task The_legacy_State_field_is_read_like_Status()
    {
        using var session = await ConnectAsync();
        sandbox.Host.TencentServer.Faults.Add(new ImAdmin.Sandbox.Faults.Fault
        {
            Path = "/v4/" + StatusApi,
            Status = 200,
            Body = """{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","QueryResult":[{"To_Account":"old","State":"PushOnline"}]}""",
            Times = 1,
        });

        var status = Assert.Single((await Client(session).GetOnlineStatusesAsync(["old"], CancellationToken.None)).Values());

        Assert.Equal(("old", "PushOnline", false), (status.UserId, status.Status, status.Online));
    }

    [Fact]
    public async Task An_empty_or_too_long_user_id_is_refused_before_sending()
    {
        using var session = await ConnectAsync();
        var before = Calls(sandbox.Host, StatusApi).Count;

        var ex = await Assert.ThrowsAsync<ImInputException>(() => Client(session).GetOnlineStatusesAsync([new string('x', 33)], CancellationToken.None));

        Assert.Equal("UserId", ex.ParameterName);
        Assert.Equal(before, Calls(sandbox.Host, StatusApi).Count);
    }

    [Fact]
    public async Task Kick_logs_the_user_out_of_every_platform()
    {
        using var session = await ConnectAsync();
        var user = (await ImportAsync(session, SandboxFixture.NewId("kick")))[0];
        sandbox.Host.Tencent.State.SetPresence(user, "iPhone", "Online");

        await Client(session).LogOutDevicesAsync(user, DeviceFlag.All, CancellationToken.None);
        await Client(session).LogOutDevicesAsync(user, null, CancellationToken.None);

        Assert.Empty(sandbox.Host.Tencent.State.Presence(user));
        Assert.Equal($$"""{"UserID":"{{user}}"}""", Calls(sandbox.Host, KickApi).Last().Body);
        var status = Assert.Single((await Client(session).GetOnlineStatusesAsync([user], CancellationToken.None)).Values());
        Assert.Equal("Offline", status.Status);
    }

    [Fact]
    public async Task Kick_refuses_a_device_kind_because_Tencent_logs_out_every_device()
    {
        using var session = await ConnectAsync();
        var before = Calls(sandbox.Host, KickApi).Count;

        var ex = await Assert.ThrowsAsync<ImInputException>(() => Client(session).LogOutDevicesAsync("alice", DeviceFlag.Web, CancellationToken.None));

        Assert.Equal("DeviceFlag", ex.ParameterName);
        Assert.Contains("every device", ex.Message);
        Assert.Equal(before, Calls(sandbox.Host, KickApi).Count);
    }

    [Fact]
    public async Task Kicking_an_unknown_account_keeps_the_servers_70107()
    {
        using var session = await ConnectAsync();

        var ex = await Assert.ThrowsAsync<ImException>(() => Client(session).LogOutDevicesAsync(SandboxFixture.NewId("nobody"), null, CancellationToken.None));

        Assert.Equal(70107, ex.ServerCode);
        Assert.Equal(ImProvider.TencentCloud, ex.Provider);
    }

    [Fact]
    public async Task WuKongIM_needs_a_device_kind_for_a_logout()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WuKongRequest());
        IDeviceLogout client = session.Require<IDeviceLogout>("tests");

        var ex = await Assert.ThrowsAsync<ImInputException>(() => client.LogOutDevicesAsync("u1", null, CancellationToken.None));

        Assert.Equal("DeviceFlag", ex.ParameterName);
    }
}
