using System.Net;
using System.Text;
using ImAdmin.Engine.Tests.Infrastructure;

namespace ImAdmin.Engine.Tests.WuKongIM;

/// <summary>
/// Raw HTTP against the sandbox: it must refuse what the real server refuses (the docs' and SDK's request shapes),
/// or the engine tests would pass against a server that does not exist.
/// </summary>
public class WuKongOpsSandboxTests(SandboxFixture sandbox) : WuKongOpsTestBase(sandbox), IClassFixture<SandboxFixture>
{
    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, string json)
    {
        using var http = new HttpClient { BaseAddress = Sandbox.Host.WuKongServer.BaseUri };
        http.DefaultRequestHeaders.Add("token", Sandbox.Options.WuKongToken);
        var response = await http.PostAsync(path.TrimStart('/'), new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/route/batch", "{\"uids\":[\"u1\"]}", "数据格式有误！")]            // the docs' body; the server takes a bare array
    [InlineData("/user/onlinestatus", "{\"uids\":[\"u1\"]}", "数据格式有误！")]                  // a bare array is expected
    [InlineData("/user/systemuids_add", "[\"u1\"]", "数据格式有误！")]                                // an object {uids} is expected
    [InlineData("/user/token", "{\"uid\":\"u1\",\"token\":\"t\",\"device_flag\":\"1\"}", "数据格式有误！")] // uint8, not a string
    [InlineData("/user/token", "{\"uid\":\"u1\",\"token\":\"t\",\"device_flag\":256}", "数据格式有误！")]
    [InlineData("/conn/kick", "{\"uid\":\"u1\",\"conn_id\":5,\"op_node_id\":-1}", "数据格式有误！")]  // uint64
    [InlineData("/user/token", "{\"uid\":\"u1\",\"token\":\"\"}", "token不能为空！")]
    [InlineData("/conn/kick", "{\"uid\":\"u1\",\"conn_id\":0}", "conn_id is 0")]
    [InlineData("/conn/remove", "{\"uid\":\"u1\",\"conn_id\":5,\"op_node_id\":77}", "node not found")]
    public async Task Refuses_what_the_server_refuses_with_400(string path, string json, string message)
    {
        var (status, body) = await PostAsync(path, json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, body);
        Assert.Contains("\"status\":400", body);
    }

    [Fact]
    public async Task An_empty_online_status_request_is_answered_with_a_status_object_not_an_array()
    {
        Assert.Equal((HttpStatusCode.OK, "{\"status\":200}"), await PostAsync("/user/onlinestatus", "[]"));
    }

    /// <summary>Why the module sends op_node_id: without it (the SDK's request) a remote connection is silently not reached.</summary>
    [Fact]
    public async Task Naming_a_remote_node_without_op_node_id_answers_ok_but_closes_nothing()
    {
        var uid = SandboxFixture.NewId("sdk");
        var remote = Connect(uid, nodeId: 1002);

        var answer = await PostAsync("/conn/kick", $"{{\"uid\":\"{uid}\",\"conn_id\":{remote.Id},\"node_id\":1002}}");

        Assert.Equal((HttpStatusCode.OK, "{\"status\":200}"), answer);
        Assert.DoesNotContain(State.ClosedConnections, c => c.Connection.Id == remote.Id);
    }
}
