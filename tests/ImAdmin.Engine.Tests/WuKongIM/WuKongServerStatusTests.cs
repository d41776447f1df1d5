using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;
using ImAdmin.Sandbox.WuKongIM;

namespace ImAdmin.Engine.Tests.WuKongIM;

public class WuKongServerStatusTests(SandboxFixture sandbox) : WuKongOpsTestBase(sandbox), IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Server_status_reads_the_real_varz_fields()
    {
        Connect(SandboxFixture.NewId("varz"));

        var status = await Client.GetServerStatusAsync(null, null, CancellationToken.None);

        Assert.Equal(WuKongState.LocalNodeId, status.NodeId);
        Assert.Equal("WuKongIM", status.ServerName);
        Assert.Equal(WuKongSandbox.Version, status.Version);
        Assert.Equal(State.ConnectionCount, status.Connections);
        Assert.NotNull(status.Uptime);
        Assert.True(status.MemoryBytes > 0);
        Assert.True(status.ManagerTokenEnabled);
        Assert.Equal("127.0.0.1:5100", status.TcpAddress);
        Assert.Empty(status.TopConnections);
        Assert.Equal("", Requests("/varz").Single().Query);
    }

    [Fact]
    public async Task Top_connections_come_with_show_conn_and_a_limit()
    {
        var busy = Connect(SandboxFixture.NewId("busy"), inMsgs: 1_000_000);

        var status = await Client.GetServerStatusAsync(null, 1, CancellationToken.None);

        var top = Assert.Single(status.TopConnections);
        Assert.Equal(busy.Id, top.ConnectionId);
        Assert.Null(top.Address); // varz entries carry no address, leader or proxy type
        Assert.Equal(ConnectionProxyType.Unknown, top.ProxyType);
        Assert.Null(top.LeaderId);
        Assert.Equal("?show=conn&conn_limit=1", Requests("/varz").Single().Query);
    }

    [Fact]
    public async Task Another_node_is_asked_through_node_id_and_an_unknown_one_is_refused()
    {
        Assert.Equal(1002UL, (await Client.GetServerStatusAsync(1002, null, CancellationToken.None)).NodeId);

        var ex = await Assert.ThrowsAsync<ImException>(() => Client.GetServerStatusAsync(999, null, CancellationToken.None));

        Assert.Equal("node not found", ex.ServerMessage);
    }

    [Fact]
    public async Task A_connection_limit_below_one_is_refused_before_sending()
    {
        var ex = await Assert.ThrowsAsync<ImInputException>(() => Client.GetServerStatusAsync(null, 0, CancellationToken.None));

        Assert.Equal("ConnectionLimit", ex.ParameterName);
        Assert.Empty(Requests("/varz"));
    }

    [Fact]
    public async Task A_server_that_never_migrated_reports_running_and_the_module_says_why()
    {
        State.Migration = new WuKongMigration();

        var status = await Client.GetMigrationStatusAsync(CancellationToken.None);

        Assert.Equal(("running", "", 0, false), (status.Status, status.Step, status.TryCount, status.HasError));
        Assert.Equal(WuKongClient.NoMigrationNote, status.Note);
    }

    [Fact]
    public async Task A_migration_error_is_reported_although_its_text_is_an_empty_object()
    {
        State.Migration = new WuKongMigration("running", "user", HasError: true, TryCount: 3);

        var status = await Client.GetMigrationStatusAsync(CancellationToken.None);

        Assert.True(status.HasError);
        Assert.Equal(("user", 3), (status.Step, status.TryCount));
        Assert.Equal(WuKongClient.HiddenErrorNote, status.Note);
    }

    [Fact]
    public async Task A_finished_migration_has_no_note()
    {
        State.Migration = new WuKongMigration("migrated", "channel", TryCount: 1);

        var status = await Client.GetMigrationStatusAsync(CancellationToken.None);

        Assert.Equal("migrated", status.Status);
        Assert.Null(status.Note);
    }

    [Fact]
    public async Task A_server_error_on_migrate_result_is_reported()
    {
        Faults.Add(new Fault { Path = "/migrate/result", Status = 404, Body = "404 page not found", ContentType = "text/plain" });

        var ex = await Assert.ThrowsAsync<ImException>(() => Client.GetMigrationStatusAsync(CancellationToken.None));

        Assert.Equal(ImErrorKind.NotSupported, ex.Kind);
    }
}
