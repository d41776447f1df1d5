using System.Text.Json;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;

namespace ImAdmin.Engine.Tests.Wildfire;

/// <summary>Get-ImOnlineStatus (/admin/user/onlinestatus) and Disconnect-ImDevice (/admin/user/kickoff_client) on WildfireChat, through the capabilities.</summary>
public class WildfirePresenceTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private const string StatusPath = "/admin/user/onlinestatus";
    private const string KickPath = "/admin/user/kickoff_client";

    public void Dispose() => sandbox.Host.WildfireServer.Journal.Clear();

    private Task<ImSession> ConnectAsync() => SandboxFixture.ConnectAsync(sandbox.WildfireRequest());

    private ImAdmin.Sandbox.Wildfire.WildfireClientSessions Sessions => sandbox.Host.Wildfire.ClientSessions;

    private IReadOnlyList<string> Bodies(string path) =>
        sandbox.Host.WildfireServer.Journal.Entries.Where(e => e.Path == path).Select(e => e.Body).ToList();

    [Fact]
    public async Task Online_status_is_one_object_per_client_session_with_platform_and_device_kind()
    {
        using var session = await ConnectAsync();
        var (alice, bob) = (SandboxFixture.NewId("fa"), SandboxFixture.NewId("fb"));
        Sessions.Connect(alice, alice + "-phone", platform: 2);
        Sessions.Connect(alice, alice + "-web", platform: 5, online: false, packageName: "cn.wildfire.web");

        var results = await session.RequireCapability<IOnlineStatusReader>().GetOnlineStatusesAsync([alice, bob], CancellationToken.None);

        Assert.Empty(results.Failures());
        var statuses = results.Values();
        Assert.Equal(3, statuses.Count);
        var phone = statuses.Single(s => s.ClientId == alice + "-phone");
        Assert.Equal((alice, true, WildfirePlatform.Android, DeviceFlag.App, 1), (phone.UserId, phone.Online, phone.Platform, phone.DeviceFlag, phone.ConnectionCount));
        Assert.NotNull(phone.LastSeen);
        var web = statuses.Single(s => s.ClientId == alice + "-web");
        Assert.Equal((false, WildfirePlatform.Web, DeviceFlag.Web, "cn.wildfire.web"), (web.Online, web.Platform, web.DeviceFlag, web.PackageName));
        var offline = statuses.Single(s => s.UserId == bob);
        Assert.Equal((false, (string?)null, (DeviceFlag?)null), (offline.Online, offline.ClientId, offline.DeviceFlag));
        Assert.Equal([$"{{\"userId\":\"{alice}\"}}", $"{{\"userId\":\"{bob}\"}}"], Bodies(StatusPath));
    }

    [Fact]
    public async Task An_empty_user_id_fails_alone_and_the_other_users_are_still_asked()
    {
        using var session = await ConnectAsync();
        var carol = SandboxFixture.NewId("fc");
        Sessions.Connect(carol, carol + "-pc", platform: 3);

        var results = await session.RequireCapability<IOnlineStatusReader>().GetOnlineStatusesAsync(["", carol], CancellationToken.None);

        var failure = Assert.Single(results.Failures());
        Assert.Equal(("", ImErrorKind.InvalidArgument), ((string)failure.Input, failure.Error!.Kind));
        Assert.Equal(DeviceFlag.PC, Assert.Single(results.Values()).DeviceFlag);
    }

    [Fact]
    public async Task The_server_answers_251_for_an_empty_user_id_and_500_for_an_empty_body()
    {
        using var session = await ConnectAsync();
        var empty = await Assert.ThrowsAsync<ImException>(() => WildfireTestServer.PostAsync(session, StatusPath, new { userId = "" }));
        Assert.Equal(251, empty.ServerCode);
        var noBody = await Assert.ThrowsAsync<ImException>(() => WildfireTestServer.PostAsync(session, StatusPath, null!));
        Assert.Equal(ImErrorKind.ServerError, noBody.Kind);
    }

    [Fact]
    public async Task Logging_out_all_devices_is_one_kickoff_without_a_client_id()
    {
        using var session = await ConnectAsync();
        var user = SandboxFixture.NewId("fk");
        Sessions.Connect(user, user + "-a", platform: 1);
        Sessions.Connect(user, user + "-b", platform: 4);

        await session.RequireCapability<IDeviceLogout>().LogOutDevicesAsync(user, DeviceFlag.All, CancellationToken.None);

        Assert.Equal([$"{{\"first\":\"{user}\"}}"], Bodies(KickPath));
        Assert.Empty(Sessions.SessionsOf(user));
    }

    [Fact]
    public async Task Logging_out_one_device_kind_kicks_only_that_kinds_clients_by_client_id()
    {
        using var session = await ConnectAsync();
        var user = SandboxFixture.NewId("fd");
        Sessions.Connect(user, user + "-ios", platform: 1);
        Sessions.Connect(user, user + "-ipad", platform: 8);
        Sessions.Connect(user, user + "-mac", platform: 4);

        await session.RequireCapability<IDeviceLogout>().LogOutDevicesAsync(user, DeviceFlag.App, CancellationToken.None);

        Assert.Equal([$"{{\"first\":\"{user}\",\"second\":\"{user}-ios\"}}", $"{{\"first\":\"{user}\",\"second\":\"{user}-ipad\"}}"], Bodies(KickPath));
        var left = Assert.Single(Sessions.SessionsOf(user));
        Assert.Equal(user + "-mac", (string?)left!["clientId"]);
    }

    [Fact]
    public async Task System_devices_are_refused_before_anything_is_sent()
    {
        using var session = await ConnectAsync();
        var logout = session.RequireCapability<IDeviceLogout>();

        var ex = Assert.Throws<ImInputException>(() => logout.CheckDeviceFlag(DeviceFlag.System));

        Assert.Equal("DeviceFlag", ex.ParameterName);
        Assert.Empty(Bodies(KickPath));
    }
}
