using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Security;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;
using ImAdmin.Sandbox.WuKongIM;

namespace ImAdmin.Engine.Tests.WuKongIM;

public class WuKongUserTests(SandboxFixture sandbox) : WuKongOpsTestBase(sandbox), IClassFixture<SandboxFixture>
{
    private const string Secret = "tok-Sup3r-s3cret-value";

    private Task SetTokenAsync(string uid, DeviceFlag flag = DeviceFlag.App, DeviceLevel level = DeviceLevel.Slave, string token = Secret) =>
        Client.SetUserTokenAsync(uid, ImSecret.FromPlainText(token), flag, level, CancellationToken.None);

    [Fact]
    public async Task A_token_is_stored_for_the_user_and_device_and_never_logged()
    {
        var uid = SandboxFixture.NewId("tok");

        var log = await Logged(() => SetTokenAsync(uid, DeviceFlag.Web, DeviceLevel.Master));

        var device = State.Device(uid, 1);
        Assert.Equal((Secret, 1), (device!.Token, device.DeviceLevel));
        Assert.Contains(log.Verbose, m => m.Contains("POST /user/token -> 200"));
        Assert.Contains(log.Debug, m => m.Contains("\"token\":\"***\""));
        Assert.DoesNotContain(log.All, m => m.Contains(Secret));
    }

    [Fact]
    public async Task A_master_token_kicks_the_users_connections_of_that_device_kind_only()
    {
        var uid = SandboxFixture.NewId("master");
        var app = Connect(uid, deviceFlag: 0);
        var web = Connect(uid, deviceFlag: 1);

        await SetTokenAsync(uid, DeviceFlag.App, DeviceLevel.Master);

        Assert.Contains(State.ClosedConnections, c => c.Connection.Id == app.Id && c.Reason == "token");
        Assert.DoesNotContain(State.ClosedConnections, c => c.Connection.Id == web.Id);
    }

    [Theory]
    [InlineData("a@b", "UserId")]
    [InlineData("", "UserId")]
    [InlineData("____system", "UserId")]
    public async Task Bad_user_ids_are_refused_before_sending(string uid, string parameter)
    {
        var ex = await Assert.ThrowsAsync<ImInputException>(() => SetTokenAsync(uid));

        Assert.Equal(parameter, ex.ParameterName);
        Assert.Empty(Requests("/user/token"));
    }

    [Fact]
    public async Task An_empty_token_and_a_device_kind_without_tokens_are_refused()
    {
        Assert.Equal("Token", (await Assert.ThrowsAsync<ImInputException>(() => SetTokenAsync("u1", token: ""))).ParameterName);
        Assert.Equal("DeviceFlag", (await Assert.ThrowsAsync<ImInputException>(() => SetTokenAsync("u1", DeviceFlag.All))).ParameterName);
    }

    [Theory]
    [InlineData(true, false, 19)]
    [InlineData(false, true, 24)]
    public async Task A_banned_or_disbanded_person_channel_is_an_error_although_the_server_answers_200(bool ban, bool disband, int code)
    {
        var uid = SandboxFixture.NewId("banned");
        State.PutChannelInfo(uid, 1, new ChannelFlags(Ban: ban, SendBan: false, AllowStranger: false, Large: false, Disband: disband), DateTimeOffset.UtcNow);

        var ex = await Assert.ThrowsAsync<ImException>(() => SetTokenAsync(uid));

        Assert.Equal(ImErrorKind.InvalidState, ex.Kind);
        Assert.Equal(200, ex.HttpStatus);
        Assert.Equal(code, ex.ServerCode);
        Assert.Null(State.Device(uid, 0));
        Assert.DoesNotContain(Secret, ex.Message);
    }

    [Fact]
    public async Task Quitting_all_devices_sends_minus_one_and_logs_every_device_out()
    {
        var uid = SandboxFixture.NewId("quit");
        await SetTokenAsync(uid, DeviceFlag.App);
        await SetTokenAsync(uid, DeviceFlag.PC);
        var app = Connect(uid, deviceFlag: 0);
        var pc = Connect(uid, deviceFlag: 2);

        await Client.QuitDeviceAsync(uid, DeviceFlag.All, CancellationToken.None);

        Assert.Equal($"{{\"uid\":\"{uid}\",\"device_flag\":-1}}", Requests("/user/device_quit").Single().Body);
        Assert.Equal("", State.Device(uid, 0)!.Token);
        Assert.Equal("", State.Device(uid, 2)!.Token);
        Assert.Contains(State.ClosedConnections, c => c.Connection.Id == app.Id && c.Reason == "device_quit");
        Assert.Contains(State.ClosedConnections, c => c.Connection.Id == pc.Id && c.Reason == "device_quit");
    }

    [Fact]
    public async Task Quitting_a_device_that_never_got_a_token_kicks_nothing_although_the_server_says_ok()
    {
        var uid = SandboxFixture.NewId("notoken");
        var connection = Connect(uid, deviceFlag: 1);

        await Client.QuitDeviceAsync(uid, DeviceFlag.Web, CancellationToken.None);

        Assert.DoesNotContain(State.ClosedConnections, c => c.Connection.Id == connection.Id);
    }

    [Fact]
    public async Task Quitting_needs_a_user_id_and_a_real_device_kind()
    {
        Assert.Equal("UserId", (await Assert.ThrowsAsync<ImInputException>(() => Client.QuitDeviceAsync("", DeviceFlag.App, CancellationToken.None))).ParameterName);
        Assert.Equal("DeviceFlag", (await Assert.ThrowsAsync<ImInputException>(() => Client.QuitDeviceAsync("u1", DeviceFlag.System, CancellationToken.None))).ParameterName);
        Assert.Empty(Requests("/user/device_quit"));
    }

    [Fact]
    public async Task A_server_error_on_device_quit_keeps_the_server_message()
    {
        Faults.Add(new Fault { Path = "/user/device_quit", Status = 400, Body = "{\"msg\":\"获取频道所在节点失败！\",\"status\":400}" });

        var ex = await Assert.ThrowsAsync<ImException>(() => Client.QuitDeviceAsync("u1", DeviceFlag.App, CancellationToken.None));

        Assert.Equal("获取频道所在节点失败！", ex.ServerMessage);
        Assert.Equal(400, ex.HttpStatus);
    }

    [Fact]
    public async Task Online_status_answers_every_user_grouped_by_device_kind()
    {
        var online = SandboxFixture.NewId("on");
        var offline = SandboxFixture.NewId("off");
        Connect(online, deviceFlag: 0);
        Connect(online, deviceFlag: 0);
        Connect(online, deviceFlag: 1, nodeId: 1002);

        var status = await Client.GetOnlineStatusAsync(new[] { offline, online, offline }, CancellationToken.None);

        Assert.Collection(status,
            s => Assert.Equal((offline, (DeviceFlag?)null, false, 0), (s.UserId, s.DeviceFlag, s.Online, s.ConnectionCount)),
            s => Assert.Equal((online, (DeviceFlag?)DeviceFlag.App, true, 2), (s.UserId, s.DeviceFlag, s.Online, s.ConnectionCount)),
            s => Assert.Equal((online, (DeviceFlag?)DeviceFlag.Web, true, 1), (s.UserId, s.DeviceFlag, s.Online, s.ConnectionCount)));
        Assert.StartsWith("[\"", Requests("/user/onlinestatus").Single().Body); // a bare array, not an object
    }

    [Fact]
    public async Task Online_status_of_many_users_is_asked_in_chunks()
    {
        var uids = Enumerable.Range(0, WuKongClient.MemberChunkSize + 5).Select(i => "many-" + i).ToList();

        var status = await Client.GetOnlineStatusAsync(uids, CancellationToken.None);

        Assert.Equal(uids.Count, status.Count);
        Assert.All(status, s => Assert.False(s.Online));
        Assert.Equal(2, Requests("/user/onlinestatus").Count());
    }

    [Fact]
    public async Task Online_status_treats_a_null_answer_as_nobody_online()
    {
        Faults.Add(new Fault { Path = "/user/onlinestatus", Status = 200, Body = "null" });

        var status = await Client.GetOnlineStatusAsync(new[] { "u1" }, CancellationToken.None);

        Assert.False(Assert.Single(status).Online);
    }

    [Fact]
    public async Task Online_status_refuses_empty_ids_and_reports_server_errors()
    {
        Assert.Equal("UserId", (await Assert.ThrowsAsync<ImInputException>(() => Client.GetOnlineStatusAsync(new[] { "u1", "" }, CancellationToken.None))).ParameterName);
        Faults.Add(new Fault { Path = "/user/onlinestatus", Status = 400, Body = "{\"msg\":\"获取在线用户状态请求状态错误！[401]\",\"status\":400}" });

        var ex = await Assert.ThrowsAsync<ImException>(() => Client.GetOnlineStatusAsync(new[] { "u1" }, CancellationToken.None));

        Assert.Contains("[401]", ex.ServerMessage);
    }

    [Fact]
    public async Task The_route_without_users_is_the_nodes_public_addresses()
    {
        var route = Assert.Single(await Client.GetUserRoutesAsync(null, false, CancellationToken.None));

        Assert.Null(route.UserId);
        Assert.Equal("127.0.0.1:5100", route.TcpAddress);
        Assert.Equal("ws://127.0.0.1:5200", route.WebSocketAddress);
        Assert.Equal("", route.SecureWebSocketAddress);
        Assert.Equal("?intranet=0", Requests("/route").Single().Query);
    }

    [Fact]
    public async Task Batch_routes_send_a_bare_array_and_give_one_entry_per_user()
    {
        var routes = await Client.GetUserRoutesAsync(new[] { "r1", "r2" }, true, CancellationToken.None);

        Assert.Equal(new[] { "r1", "r2" }, routes.Select(r => r.UserId));
        Assert.All(routes, r => Assert.Equal(("127.0.0.1:15100", "", true), (r.TcpAddress, r.WebSocketAddress, r.Intranet)));
        var request = Requests("/route/batch").Single();
        Assert.Equal("[\"r1\",\"r2\"]", request.Body);
        Assert.Equal("?intranet=1", request.Query);
    }

    [Fact]
    public async Task Routes_refuse_empty_ids_and_report_server_errors()
    {
        Assert.Equal("UserId", (await Assert.ThrowsAsync<ImInputException>(() => Client.GetUserRoutesAsync(new[] { "" }, false, CancellationToken.None))).ParameterName);
        Faults.Add(new Fault { Path = "/route/batch", Status = 400, Body = "{\"msg\":\"数据格式有误！\",\"status\":400}" });

        var ex = await Assert.ThrowsAsync<ImException>(() => Client.GetUserRoutesAsync(new[] { "r1" }, false, CancellationToken.None));

        Assert.Equal("数据格式有误！", ex.ServerMessage);
    }

    [Fact]
    public async Task System_users_are_added_listed_and_removed()
    {
        var a = SandboxFixture.NewId("sys");
        var b = SandboxFixture.NewId("sys");

        await Client.AddSystemUsersAsync(new[] { a, b, a }, CancellationToken.None);
        var afterAdd = (await Client.GetSystemUsersAsync(CancellationToken.None)).Select(u => u.UserId).ToList();
        await Client.RemoveSystemUsersAsync(new[] { a }, CancellationToken.None);
        var afterRemove = (await Client.GetSystemUsersAsync(CancellationToken.None)).Select(u => u.UserId).ToList();

        Assert.Contains(a, afterAdd);
        Assert.Contains(b, afterAdd);
        Assert.DoesNotContain(a, afterRemove);
        Assert.Contains(b, afterRemove);
        Assert.Equal($"{{\"uids\":[\"{a}\",\"{b}\"]}}", Requests("/user/systemuids_add").Single().Body);
    }

    [Fact]
    public async Task No_system_users_is_json_null_and_reads_as_an_empty_list()
    {
        Faults.Add(new Fault { Path = "/user/systemuids", Status = 200, Body = "null" });

        Assert.Empty(await Client.GetSystemUsersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task System_user_changes_refuse_empty_ids_and_report_server_errors()
    {
        Assert.Equal("UserId", (await Assert.ThrowsAsync<ImInputException>(() => Client.AddSystemUsersAsync(new[] { "" }, CancellationToken.None))).ParameterName);
        Faults.Add(new Fault { Path = "/user/systemuids_add", Status = 400, Body = "{\"msg\":\"添加系统账号到缓存失败！\",\"status\":400}" });

        var ex = await Assert.ThrowsAsync<ImException>(() => Client.AddSystemUsersAsync(new[] { "s1" }, CancellationToken.None));

        Assert.Equal("添加系统账号到缓存失败！", ex.ServerMessage);
    }

    [Theory]
    [InlineData("/route")]
    [InlineData("/user/systemuids")]
    [InlineData("/user/systemuids_remove")]
    public async Task Server_errors_of_the_other_user_reads_and_writes_keep_the_server_message(string path)
    {
        Faults.Add(new Fault { Path = path, Status = 400, Body = "{\"msg\":\"槽的领导节点不存在\",\"status\":400}" });

        var ex = await Assert.ThrowsAsync<ImException>(() => path switch
        {
            "/route" => Client.GetUserRoutesAsync(null, false, CancellationToken.None),
            "/user/systemuids" => Client.GetSystemUsersAsync(CancellationToken.None),
            _ => Client.RemoveSystemUsersAsync(new[] { "s1" }, CancellationToken.None),
        });

        Assert.Equal(("槽的领导节点不存在", 400), (ex.ServerMessage, ex.HttpStatus));
    }
}
