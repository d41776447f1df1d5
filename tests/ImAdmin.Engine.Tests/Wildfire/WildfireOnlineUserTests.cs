using ImAdmin.Engine.Models;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox;
using ImAdmin.Sandbox.Wildfire;

namespace ImAdmin.Engine.Tests.Wildfire;

/// <summary>online_count and online_list as a server status.</summary>
public class WildfireOnlineUserTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task The_status_counts_connections_and_lists_them_page_by_page_with_distinct_users()
    {
        await using var host = await WildfireTestServer.StartAsync(new SandboxOptions());
        for (var i = 0; i < 1200; i++) host.Wildfire.ClientSessions.Connect($"u{i % 700}", $"c{i:D5}", i % 2 == 0 ? 1 : 5);
        host.Wildfire.ClientSessions.Connect("off", "z-off", 3, online: false);
        using var session = await SandboxFixture.ConnectAsync(WildfireTestServer.RequestFor(sandbox, host));
        var client = WildfireTestServer.Client(session);

        var plain = await client.GetServerStatusAsync(null, null, CancellationToken.None);
        var listed = await client.GetServerStatusAsync(1, 1100, CancellationToken.None);

        Assert.Equal((1200, 1UL, 0), (plain.Connections, plain.NodeId, plain.TopConnections.Count));
        Assert.Equal(1100, listed.TopConnections.Count);
        Assert.Equal(700, listed.UserHandlerCount);
        Assert.Equal(("u0", "c00000", DeviceFlag.App), (listed.TopConnections[0].UserId, listed.TopConnections[0].DeviceId, listed.TopConnections[0].DeviceFlag));
        Assert.Equal(DeviceFlag.Web, listed.TopConnections[1].DeviceFlag);
        Assert.Equal(3, host.WildfireServer.Journal.Count("/admin/user/online_list"));
        Assert.Equal("NodeId", (await Assert.ThrowsAsync<ImAdmin.Engine.Errors.ImInputException>(() => client.GetServerStatusAsync(2, null, CancellationToken.None))).ParameterName);
    }
}
