using System.Net;
using System.Text.Json.Nodes;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;

namespace ImAdmin.Engine.Tests.Wildfire;

/// <summary>
/// The sandbox's user, group and presence routes against the server's own rules, including the bodies the engine
/// never sends (so the sandbox is never kinder than the server).
/// </summary>
public class WildfireUserGroupSandboxTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private async Task<ImSession> ConnectAsync() => await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());

    private static async Task<int?> CodeOf(Func<Task> call)
    {
        try
        {
            await call();
            return 0;
        }
        catch (ImException ex)
        {
            return ex.ServerCode ?? -ex.HttpStatus;
        }
    }

    [Fact]
    public async Task Create_replaces_the_whole_row_and_revives_a_destroyed_user()
    {
        using var session = await ConnectAsync();
        var id = SandboxFixture.NewId("row");
        await WildfireTestServer.PostAsync(session, "/admin/user/create", new { userId = id, name = id, displayName = "A", mobile = "555" });
        await WildfireTestServer.PostAsync(session, "/admin/user/create", new { userId = id, name = id });
        var row = await WildfireTestServer.PostAsync(session, "/admin/user/get_info", new { userId = id });
        await WildfireTestServer.PostAsync(session, "/admin/user/destroy", new { userId = id });
        var gone = await CodeOf(() => WildfireTestServer.PostAsync(session, "/admin/user/get_info", new { userId = id }));
        await WildfireTestServer.PostAsync(session, "/admin/user/create", new { userId = id, name = id });

        Assert.Equal(("", ""), (row.GetProperty("displayName").GetString(), row.GetProperty("mobile").GetString()));
        Assert.False(row.TryGetProperty("password", out _));
        Assert.Equal(253, gone);
        Assert.True(sandbox.Host.Wildfire.Directory.Users.Exists(id));
    }

    [Theory]
    [InlineData("/admin/user/create", "{\"userId\":\"t1\",\"name\":\"t1\",\"type\":1}", 251)]
    [InlineData("/admin/user/create", "{\"userId\":\"t2\"}", 251)]
    [InlineData("/admin/user/update", "{\"flag\":0,\"userInfo\":{\"userId\":\"alice\"}}", 251)]
    [InlineData("/admin/user/update", "{\"flag\":512,\"userInfo\":{\"userId\":\"alice\"}}", 251)]
    [InlineData("/admin/user/all", "{\"count\":0,\"offset\":0}", 251)]
    [InlineData("/admin/user/destroy", "{\"userId\":\"never-was\"}", 0)]
    [InlineData("/admin/user/update_block_status", "{\"userId\":\"never-was\",\"status\":7}", 0)]
    [InlineData("/admin/user/check_block_status", "{}", 251)]
    [InlineData("/admin/user/online_list", "{\"nodeId\":0,\"offset\":0,\"count\":10}", 251)]
    [InlineData("/admin/user/online_list", "[]", -500)]
    [InlineData("/admin/group/create", "{\"operator\":\"admin\",\"group\":{\"group_info\":{\"type\":4}}}", 2)]
    [InlineData("/admin/group/create", "{\"group\":{\"group_info\":{\"type\":0}}}", 4)]
    [InlineData("/admin/group/create", "{\"operator\":\"admin\",\"group\":{\"group_info\":{\"type\":0},\"members\":[\"bob\"]}}", -500)]
    [InlineData("/admin/group/create", "{\"operator\":\"admin\"}", -500)]
    [InlineData("/admin/group/del", "{\"group_id\":\"demo-group\"}", 251)]
    [InlineData("/admin/group/get_info", "{\"group_id\":\"demo-group\"}", 251)]
    [InlineData("/admin/group/member/add", "{\"operator\":\"admin\",\"group_id\":\"demo-group\"}", -500)]
    [InlineData("/admin/group/member/del", "{\"operator\":\"admin\",\"group_id\":\"demo-group\",\"members\":[]}", 251)]
    [InlineData("/admin/group/member/get", "{\"groupId\":\"demo-group\",\"memberId\":\"mallory\"}", 253)]
    public async Task Routes_answer_the_servers_code(string path, string json, int expected)
    {
        using var session = await ConnectAsync();
        sandbox.Host.Wildfire.Directory.Seed();
        Assert.Equal(expected, await CodeOf(() => WildfireTestServer.PostAsync(session, path, JsonNode.Parse(json)!)));
    }

    [Fact]
    public async Task Member_add_without_an_operator_stores_the_change_then_answers_4()
    {
        using var session = await ConnectAsync();
        var id = SandboxFixture.NewId("g");
        await WildfireTestServer.PostAsync(session, "/admin/group/create", new { @operator = "admin", group = new { group_info = new { target_id = id, type = 2 }, members = Array.Empty<object>() } });

        var code = await CodeOf(() => WildfireTestServer.PostAsync(session, "/admin/group/member/add", new { group_id = id, members = new[] { new { member_id = "bob" } } }));

        Assert.Equal(4, code);
        Assert.Contains(sandbox.Host.Wildfire.Directory.Groups.Members(id)!, m => m.MemberId == "bob");
    }

    [Fact]
    public async Task A_listed_non_owner_of_type_2_becomes_a_normal_member()
    {
        using var session = await ConnectAsync();
        var id = SandboxFixture.NewId("g");

        await WildfireTestServer.PostAsync(session, "/admin/group/create", new { @operator = "admin", group = new { group_info = new { target_id = id, owner = "alice" }, members = new[] { new { member_id = "bob", type = 2 } } } });
        var list = await WildfireTestServer.PostAsync(session, "/admin/group/member/list", new { groupId = id });

        var types = list.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("member_id").GetString()!, m => m.GetProperty("type").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["alice"] = 2, ["bob"] = 0 }, types);
    }

    [Fact]
    public async Task A_value_longer_than_its_column_is_code_4_with_the_databases_text()
    {
        using var session = await ConnectAsync();

        var ex = await Assert.ThrowsAsync<ImException>(() => WildfireTestServer.PostAsync(session, "/admin/user/create", new { userId = SandboxFixture.NewId("long"), name = new string('n', 65) }));

        Assert.Equal(4, ex.ServerCode);
        Assert.Contains("_NAME CHARACTER VARYING(64)", ex.ServerMessage);
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)ex.HttpStatus!);
    }
}
