using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;
using ImAdmin.Sandbox.WuKongIM;
using ImAdmin.Engine.Queries;

namespace ImAdmin.Engine.Tests.WuKongIM;

public class WuKongConnectionTests(SandboxFixture sandbox) : WuKongOpsTestBase(sandbox), IClassFixture<SandboxFixture>
{
    private async Task<List<ImConnection>> ListAsync(ConnectionQuery query) =>
        (await ToListAsync(Client.GetConnectionPagesAsync(query, CancellationToken.None))).SelectMany(p => p.Connections).ToList();

    /// <summary>The /connz requests of this test's uid filter, as "offset,limit".</summary>
    private List<string> ConnzRequests(string uid) => Requests("/connz")
        .Where(e => e.Query.Contains("uid=" + uid + "&") || e.Query.EndsWith("uid=" + uid, StringComparison.Ordinal))
        .Select(e => System.Web.HttpUtility.ParseQueryString(e.Query))
        .Select(q => q["offset"] + "," + q["limit"]).ToList();

    [Fact]
    public async Task A_connection_is_read_into_typed_fields()
    {
        var uid = SandboxFixture.NewId("typed");
        var added = State.AddConnection(new WuKongConnection
        {
            Uid = uid, DeviceFlag = 1, DeviceLevel = 0, Ip = "127.0.0.1", Port = 51234, DeviceId = "dev-1", ProtoVersion = 4,
            ConnectedAt = DateTimeOffset.UtcNow.AddHours(-2), LastActivity = DateTimeOffset.UtcNow.AddMinutes(-3),
            InMsgs = 5, OutMsgs = 6, InMsgBytes = 7, OutMsgBytes = 8, InPackets = 9, OutPackets = 10, InPacketBytes = 11, OutPacketBytes = 12,
        });

        var c = Assert.Single(await ListAsync(new ConnectionQuery { UserIdContains = uid }));

        Assert.Equal(added.Id, c.ConnectionId);
        Assert.Equal(uid, c.UserId);
        Assert.Equal(WuKongState.LocalNodeId, c.NodeId);
        Assert.Equal(DeviceFlag.Web, c.DeviceFlag);
        Assert.Equal(DeviceLevel.Slave, c.DeviceLevel);
        Assert.Equal("dev-1", c.DeviceId);
        Assert.Equal("127.0.0.1:51234", c.Address);
        Assert.InRange(c.Uptime!.Value, TimeSpan.FromMinutes(119), TimeSpan.FromMinutes(121));
        Assert.InRange(c.Idle!.Value, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4));
        Assert.Equal(added.LastActivity.ToUnixTimeSeconds(), c.LastActivity!.Value.ToUnixTimeSeconds());
        Assert.Equal(TimeSpan.FromHours(8), c.LastActivity.Value.Offset);
        Assert.Equal((5, 6, 7, 8, 9, 10, 11, 12), (c.InMessages, c.OutMessages, c.InMessageBytes, c.OutMessageBytes, c.InPackets, c.OutPackets, c.InPacketBytes, c.OutPacketBytes));
        Assert.Equal(4, c.ProtocolVersion);
        Assert.Equal(WuKongState.LeaderOf(uid), c.LeaderId);
        Assert.Equal(ConnectionProxyType.Local, c.ProxyType);
    }

    [Fact]
    public async Task Pages_follow_offset_and_limit_until_a_short_page()
    {
        var uid = SandboxFixture.NewId("pages");
        var ids = Enumerable.Range(0, 5).Select(_ => Connect(uid).Id).ToList();

        var listed = await ListAsync(new ConnectionQuery { UserIdContains = uid, PageSize = 2 });

        Assert.Equal(ids, listed.Select(c => c.ConnectionId));
        Assert.Equal(new[] { "0,2", "2,2", "4,2" }, ConnzRequests(uid));
    }

    [Fact]
    public async Task A_full_last_page_costs_one_more_empty_request()
    {
        var uid = SandboxFixture.NewId("full");
        for (var i = 0; i < 4; i++) Connect(uid);

        Assert.Equal(4, (await ListAsync(new ConnectionQuery { UserIdContains = uid, PageSize = 2 })).Count);
        Assert.Equal(new[] { "0,2", "2,2", "4,2" }, ConnzRequests(uid));
    }

    [Fact]
    public async Task Offset_and_limit_are_sent_to_the_server_so_no_page_is_wasted()
    {
        var uid = SandboxFixture.NewId("skip");
        var ids = Enumerable.Range(0, 6).Select(_ => Connect(uid).Id).ToList();

        var listed = await ListAsync(new ConnectionQuery { UserIdContains = uid, PageSize = 2, Offset = 1, Limit = 3 });

        Assert.Equal(ids.Skip(1).Take(3), listed.Select(c => c.ConnectionId));
        Assert.Equal(new[] { "1,2", "3,1" }, ConnzRequests(uid));
    }

    [Fact]
    public async Task Pages_are_fetched_only_when_the_caller_asks_for_more()
    {
        var uid = SandboxFixture.NewId("lazy");
        for (var i = 0; i < 5; i++) Connect(uid);

        await foreach (var page in Client.GetConnectionPagesAsync(new ConnectionQuery { UserIdContains = uid, PageSize = 2 }, CancellationToken.None))
        {
            Assert.Equal(2, page.Connections.Count);
            break;
        }

        Assert.Equal(new[] { "0,2" }, ConnzRequests(uid));
    }

    [Theory]
    [InlineData(ConnectionSortKey.InMessages, true, "inMsgDesc", new[] { 2, 0, 1 })]
    [InlineData(ConnectionSortKey.InMessages, false, "inMsg", new[] { 1, 0, 2 })]
    [InlineData(ConnectionSortKey.Uptime, false, "uptimeDesc", new[] { 2, 1, 0 })] // the server sorts uptime by connect time
    [InlineData(ConnectionSortKey.Uptime, true, "uptime", new[] { 0, 1, 2 })]
    public async Task The_server_sorts_and_pages_in_the_order_asked_for(ConnectionSortKey key, bool descending, string sent, int[] expected)
    {
        var uid = SandboxFixture.NewId("sort");
        var now = DateTimeOffset.UtcNow;
        var added = new[] { (InMsgs: 5L, Hours: 3), (InMsgs: 1L, Hours: 2), (InMsgs: 9L, Hours: 1) }
            .Select(x => State.AddConnection(new WuKongConnection { Uid = uid, InMsgs = x.InMsgs, ConnectedAt = now.AddHours(-x.Hours) })).ToList();

        var listed = await ListAsync(new ConnectionQuery { UserIdContains = uid, SortBy = key, Descending = descending, PageSize = 2 });

        Assert.Equal(expected.Select(i => added[i].Id), listed.Select(c => c.ConnectionId));
        Assert.All(Requests("/connz"), e => Assert.Contains("&sort=" + sent, e.Query));
    }

    [Fact]
    public async Task The_server_uid_filter_is_a_substring_match_and_total_is_the_node_socket_count()
    {
        var uid = SandboxFixture.NewId("sub");
        Connect(uid);
        Connect(uid + "0");
        Connect("x" + uid);

        var pages = await ToListAsync(Client.GetConnectionPagesAsync(new ConnectionQuery { UserIdContains = uid }, CancellationToken.None));

        Assert.Equal(3, pages.Single().Connections.Count);
        Assert.Equal(State.ConnectionCount, pages.Single().NodeTotal);
        Assert.NotNull(pages.Single().ServerTime);
    }

    [Fact]
    public async Task Another_node_is_listed_through_node_id()
    {
        var uid = SandboxFixture.NewId("remote");
        var added = Connect(uid, nodeId: 1002);

        var c = Assert.Single(await ListAsync(new ConnectionQuery { UserIdContains = uid, NodeId = 1002 }));

        Assert.Equal(added.Id, c.ConnectionId);
        Assert.Equal(1002UL, c.NodeId);
        Assert.Equal(ConnectionProxyType.Local, c.ProxyType);
    }

    [Fact]
    public async Task An_unknown_node_is_the_server_error_with_its_message()
    {
        var ex = await Assert.ThrowsAsync<ImException>(() => ListAsync(new ConnectionQuery { NodeId = 999 }));

        Assert.Equal(ImErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal(400, ex.HttpStatus);
        Assert.Equal("节点不存在！", ex.ServerMessage);
    }

    [Fact]
    public async Task A_page_size_below_one_is_refused_before_sending()
    {
        var ex = await Assert.ThrowsAsync<ImInputException>(() => ListAsync(new ConnectionQuery { PageSize = 0 }));

        Assert.Equal("PageSize", ex.ParameterName);
        Assert.Empty(Requests("/connz"));
    }

    [Fact]
    public async Task A_server_failure_while_listing_surfaces_after_retries()
    {
        Faults.Add(new Fault { Path = "/connz", Status = 500, Body = "{\"msg\":\"boom\",\"status\":500}", Times = 5 });

        var ex = await Assert.ThrowsAsync<ImException>(() => ListAsync(new ConnectionQuery()));

        Assert.Equal(ImErrorKind.ServerError, ex.Kind);
        Assert.Equal(500, ex.HttpStatus);
        Assert.Equal(2, Requests("/connz").Count()); // the first try and one retry (FastRetries(1))
    }

    [Fact]
    public async Task Kick_reaches_a_connection_on_another_node_through_op_node_id()
    {
        var uid = SandboxFixture.NewId("kick");
        var remote = Connect(uid, nodeId: 1002);

        await Client.KickConnectionAsync(uid, remote.Id, 1002, CancellationToken.None);

        Assert.Contains(State.ClosedConnections, c => c.Connection.Id == remote.Id && c.Reason == "kick");
        var body = Requests("/conn/kick").Single().Body;
        Assert.Contains("\"node_id\":1002", body);
        Assert.Contains("\"op_node_id\":1002", body);
    }

    [Fact]
    public async Task Remove_closes_a_local_connection_and_omits_the_node_when_not_given()
    {
        var uid = SandboxFixture.NewId("remove");
        var local = Connect(uid);

        await Client.RemoveConnectionAsync(uid, local.Id, null, CancellationToken.None);

        Assert.Contains(State.ClosedConnections, c => c.Connection.Id == local.Id && c.Reason == "remove");
        Assert.Equal($"{{\"uid\":\"{uid}\",\"conn_id\":{local.Id}}}", Requests("/conn/remove").Single().Body);
    }

    private Task CallAsync(string path, string uid, long connectionId, ulong? nodeId) => path == "/conn/kick"
        ? Client.KickConnectionAsync(uid, connectionId, nodeId, CancellationToken.None)
        : Client.RemoveConnectionAsync(uid, connectionId, nodeId, CancellationToken.None);

    [Theory]
    [InlineData("/conn/kick")]
    [InlineData("/conn/remove")]
    public async Task Connection_id_zero_and_an_empty_user_are_refused_before_sending(string path)
    {
        var zero = await Assert.ThrowsAsync<ImInputException>(() => CallAsync(path, "u1", 0, null));
        var noUser = await Assert.ThrowsAsync<ImInputException>(() => CallAsync(path, "", 5, null));

        Assert.Equal("ConnectionId", zero.ParameterName);
        Assert.Contains("Get-ImConnection", zero.Message);
        Assert.Equal("UserId", noUser.ParameterName);
        Assert.Empty(Requests(path));
    }

    [Theory]
    [InlineData("/conn/kick")]
    [InlineData("/conn/remove")]
    public async Task An_unknown_operating_node_is_the_server_error_node_not_found(string path)
    {
        var ex = await Assert.ThrowsAsync<ImException>(() => CallAsync(path, "u1", 42, 999));

        Assert.Equal(ImErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal(400, ex.HttpStatus);
        Assert.Equal("node not found", ex.ServerMessage);
    }
}
