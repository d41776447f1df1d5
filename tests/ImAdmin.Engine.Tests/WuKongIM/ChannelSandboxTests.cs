using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ImAdmin.Engine.Tests.Infrastructure;

namespace ImAdmin.Engine.Tests.WuKongIM;

/// <summary>
/// The sandbox's channel routes answer as WuKongIM v2.2.5 does (see docs/server-behaviour/wukongim.md, 'Channels'), including the cases the
/// module guards against on the client side and so never sends.
/// </summary>
public class ChannelSandboxTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly HttpClient _http = CreateClient(sandbox);

    private static HttpClient CreateClient(SandboxFixture sandbox)
    {
        var http = new HttpClient { BaseAddress = sandbox.Host.WuKongServer.BaseUri };
        http.DefaultRequestHeaders.Add("token", sandbox.Options.WuKongToken);
        return http;
    }

    public void Dispose() => _http.Dispose();

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(string path, string json)
    {
        using var response = await _http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Get(string path)
    {
        using var response = await _http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task AssertRefused(Task<(HttpStatusCode Status, JsonElement Body)> call, string message)
    {
        var (status, body) = await call;
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Equal(message, body.GetProperty("msg").GetString());
    }

    [Theory]
    [InlineData("""{"channel_id":" ","channel_type":2}""", "频道ID不能为空！")]
    [InlineData("""{"channel_id":"g","channel_type":0}""", "频道类型错误！")]
    [InlineData("""{"channel_id":"a#b","channel_type":2}""", "频道ID不能包含特殊字符！")]
    [InlineData("""{"channel_id":"u1","channel_type":1,"subscribers":["u2"]}""", "不支持个人频道添加订阅者！")]
    [InlineData("""{"channel_id":"g","channel_type":"2"}""", "数据格式有误！: json: cannot unmarshal string into Go struct field channelCreateReq.channel_type of type uint8")]
    [InlineData("""{"channel_id":"g","channel_type":300}""", "数据格式有误！: json: cannot unmarshal number 300 into Go struct field channelCreateReq.channel_type of type uint8")]
    [InlineData("", "数据格式有误！: EOF")]
    public Task Create_validates_as_the_server_does(string json, string message) => AssertRefused(Post("/channel", json), message);

    [Theory]
    [InlineData("/channel/subscriber_add", """{"channel_id":"g","subscribers":[" "]}""", "订阅者不能为空！")]
    [InlineData("/channel/subscriber_add", """{"channel_id":"u","channel_type":1,"subscribers":["a"]}""", "个人频道不支持添加订阅者！")]
    [InlineData("/channel/subscriber_add", """{"channel_id":"g","channel_type":6,"subscribers":["a"],"temp_subscriber":1}""", "新版本临时订阅者已不支持！")]
    [InlineData("/channel/subscriber_remove", """{"channel_id":"u","channel_type":1,"subscribers":["a"]}""", "个人频道不支持添加订阅者！")]
    [InlineData("/channel/subscriber_remove_all", """{"channel_id":"u","channel_type":1}""", "个人频道不支持此操作！")]
    [InlineData("/channel/delete", """{"channel_id":"u","channel_type":1}""", "个人频道不支持添加订阅者！")]
    [InlineData("/channel/blacklist_add", """{"channel_id":"g","channel_type":2,"uids":[]}""", "uids不能为空！")]
    [InlineData("/channel/blacklist_add", """{"channel_id":"g","channel_type":0,"uids":["a"]}""", "频道类型不能为0！")]
    [InlineData("/channel/blacklist_remove", """{"channel_type":2,"uids":["a"]}""", "channel_id不能为空！")]
    [InlineData("/channel/blacklist_set", """{"channel_id":" ","channel_type":2}""", "频道ID不能为空！")]
    [InlineData("/channel/blacklist_add", """{"channel_id":"g","channel_type":2,"uids":"a"}""", "json: cannot unmarshal string into Go struct field blacklistReq.uids of type []string")]
    [InlineData("/channel/whitelist_add", """{"channel_id":"a@b","channel_type":1,"uids":["c"]}""", "频道ID不能包含特殊字符！")]
    [InlineData("/channel/whitelist_add", """{"channel_id":"g","channel_type":2,"uids":[""]}""", "uids不能为空！")]
    [InlineData("/channel/info", """{"channel_id":5}""", "数据格式有误！")]
    public Task Member_and_info_routes_validate_as_the_server_does(string path, string json, string message) =>
        AssertRefused(Post(path, json), message);

    [Fact]
    public async Task Blacklist_add_does_not_check_reserved_characters_but_whitelist_add_does()
    {
        var (status, _) = await Post("/channel/blacklist_add", """{"channel_id":"a@b","channel_type":1,"uids":["c"]}""");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Info_validates_nothing_and_overwrites_every_flag()
    {
        var id = SandboxFixture.NewId("g");
        await Post("/channel", $$"""{"channel_id":"{{id}}","channel_type":2,"ban":1,"send_ban":1,"large":1}""");
        var (status, body) = await Post("/channel/info", $$"""{"channel_id":"{{id}}","channel_type":2,"allow_stranger":1}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body.GetProperty("status").GetInt32());
        var flags = sandbox.Host.WuKong.State.FindChannelInfo(id, 2)!.Flags;
        Assert.Equal(new Sandbox.WuKongIM.ChannelFlags(Ban: false, SendBan: false, AllowStranger: true, Large: false, Disband: false), flags);
        Assert.Equal(HttpStatusCode.OK, (await Post("/channel/info", """{"channel_type":2}""")).Status);
    }

    [Fact]
    public async Task The_channel_search_answers_one_empty_entry_for_a_missing_channel()
    {
        var (status, body) = await Get("/cluster/channels?channel_id=nope-" + Guid.NewGuid().ToString("N") + "&channel_type=2");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetProperty("total").GetInt32());
        var entry = Assert.Single(body.GetProperty("data").EnumerateArray().ToList());
        Assert.Equal("", entry.GetProperty("channel_id").GetString());
        Assert.Equal(0, entry.GetProperty("ban").GetInt32());
    }

    [Fact]
    public async Task The_channel_search_reports_ban_disband_and_counts_but_not_send_ban()
    {
        var id = SandboxFixture.NewId("g");
        await Post("/channel", $$"""{"channel_id":"{{id}}","channel_type":2,"ban":1,"send_ban":1,"subscribers":["a","b"]}""");
        await Post("/channel/blacklist_add", $$"""{"channel_id":"{{id}}","channel_type":2,"uids":["x"]}""");
        await Post("/channel/delete", $$"""{"channel_id":"{{id}}","channel_type":2}""");
        var (_, body) = await Get($"/cluster/channels?channel_id={id}&channel_type=2");
        var entry = body.GetProperty("data")[0];
        Assert.Equal(id, entry.GetProperty("channel_id").GetString());
        Assert.Equal(1, entry.GetProperty("ban").GetInt32());
        Assert.Equal(1, entry.GetProperty("disband").GetInt32());
        Assert.Equal(2, entry.GetProperty("subscriber_count").GetInt32());
        Assert.Equal(1, entry.GetProperty("denylist_count").GetInt32());
        Assert.False(entry.TryGetProperty("send_ban", out _));
        Assert.True(entry.GetProperty("created_at").GetInt64() > 0);
    }

    [Theory]
    [InlineData("ban=1")]
    [InlineData("subscriber_count_gte=1")]
    public async Task The_channel_search_crashes_on_its_filters_as_v2_2_5_does(string filter)
    {
        var (status, _) = await Get("/cluster/channels?" + filter);
        Assert.Equal(HttpStatusCode.InternalServerError, status);
    }

    [Fact]
    public async Task The_channel_search_lists_newest_first_a_page_at_a_time()
    {
        var prefix = SandboxFixture.NewId("list");
        for (var i = 0; i < 3; i++) await Post("/channel", $$"""{"channel_id":"{{prefix}}-{{i}}","channel_type":7}""");
        var (_, body) = await Get("/cluster/channels?channel_type=7&limit=2");
        Assert.Equal(1, body.GetProperty("more").GetInt32());
        Assert.Equal([prefix + "-2", prefix + "-1"], body.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("channel_id").GetString()));
    }

    [Fact]
    public async Task Subscriber_add_creates_the_channel_and_defaults_type_0_to_group()
    {
        var id = SandboxFixture.NewId("g");
        await Post("/channel/subscriber_add", $$"""{"channel_id":"{{id}}","subscribers":["a"]}""");
        var (_, uids) = await Get($"/cluster/channels/{id}/2/subscribers");
        Assert.Equal(["a"], uids.EnumerateArray().Select(e => e.GetString()));
        Assert.NotNull(sandbox.Host.WuKong.State.FindChannelInfo(id, 2));
    }

    [Fact]
    public async Task The_whitelist_get_route_answers_member_objects_from_query_parameters()
    {
        var id = SandboxFixture.NewId("g");
        await Post("/channel/whitelist_add", $$"""{"channel_id":"{{id}}","channel_type":2,"uids":["a"]}""");
        var (_, list) = await Get($"/channel/whitelist?channel_id={id}&channel_type=2");
        var member = Assert.Single(list.EnumerateArray().ToList());
        Assert.Equal("a", member.GetProperty("uid").GetString());
        Assert.True(member.GetProperty("id").GetInt64() > 0);
        Assert.EndsWith("Z", member.GetProperty("created_at").GetString());
    }

    [Fact]
    public async Task The_cluster_reads_need_the_token_like_every_route()
    {
        using var anonymous = new HttpClient { BaseAddress = sandbox.Host.WuKongServer.BaseUri };
        using var response = await anonymous.GetAsync("/cluster/channels/g/2/denylist");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }
}
