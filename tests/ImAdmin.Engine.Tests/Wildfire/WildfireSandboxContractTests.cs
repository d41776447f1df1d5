using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ImAdmin.Engine.Providers.Wildfire;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox;

namespace ImAdmin.Engine.Tests.Wildfire;

/// <summary>
/// The sandbox against the contract with raw HTTP, so the quirks the engine relies on are real: preAction order,
/// case-sensitive headers, nested failure results, empty 500s for unknown routes, 500s with exception text.
/// </summary>
public class WildfireSandboxContractTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static readonly HttpClient Http = new();

    private HttpRequestMessage Request(HttpMethod method, string path, string? json = null, Action<HttpRequestMessage>? sign = null)
    {
        var request = new HttpRequestMessage(method, new Uri(sandbox.Host.WildfireServer.BaseUri, path.TrimStart('/')));
        if (json != null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        (sign ?? SignWith("nonce", "timestamp", "sign"))(request);
        return request;
    }

    private Action<HttpRequestMessage> SignWith(string nonceName, string timestampName, string signName, string? secret = null, string? timestamp = null) => request =>
    {
        var ts = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation(nonceName, "4711");
        request.Headers.TryAddWithoutValidation(timestampName, ts);
        request.Headers.TryAddWithoutValidation(signName, WildfireSigner.Sign("4711", secret ?? sandbox.Options.WildfireSecret, ts));
    };

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static int Code(string body) => JsonDocument.Parse(body).RootElement.GetProperty("code").GetInt32();

    [Fact]
    public async Task Capitalised_header_names_are_found_but_upper_case_ones_are_not()
    {
        var capitalised = await SendAsync(Request(HttpMethod.Post, "/admin/user/online_count", "{}", SignWith("Nonce", "Timestamp", "Sign")));
        var upper = await SendAsync(Request(HttpMethod.Post, "/admin/user/online_count", "{}", SignWith("NONCE", "TIMESTAMP", "SIGN")));

        Assert.Equal(0, Code(capitalised.Body));
        Assert.Equal(HttpStatusCode.OK, upper.Status);
        Assert.Equal(239, Code(upper.Body));
    }

    [Fact]
    public async Task Failures_before_the_handler_carry_a_nested_copy_of_code_and_msg()
    {
        var (status, body) = await SendAsync(Request(HttpMethod.Post, "/admin/user/online_count", "{}", SignWith("nonce", "timestamp", "sign", secret: "wrong")));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("{\"code\":244,\"msg\":\"auth failure\",\"result\":{\"code\":244,\"msg\":\"auth failure\"}}", body);
    }

    [Theory]
    [InlineData("not-a-number", 239)]
    [InlineData("1558350862502", 243)] // 2019: far more than 2 hours old
    public async Task Timestamps_are_checked_for_form_and_age(string timestamp, int code)
    {
        var (_, body) = await SendAsync(Request(HttpMethod.Post, "/admin/user/online_count", "{}", SignWith("nonce", "timestamp", "sign", timestamp: timestamp)));
        Assert.Equal(code, Code(body));
    }

    [Fact]
    public async Task Health_is_exempt_only_for_the_exact_uri_and_answers_an_array()
    {
        var exact = await SendAsync(Request(HttpMethod.Get, "/admin/health", sign: _ => { }));
        var withQuery = await SendAsync(Request(HttpMethod.Get, "/admin/health?verbose=1", sign: _ => { }));

        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(exact.Body).RootElement.GetProperty("result").ValueKind);
        Assert.Equal(239, Code(withQuery.Body));
    }

    [Theory]
    [InlineData("GET", "/admin/message/send")]     // wrong method
    [InlineData("POST", "/admin/message/delete")]  // professional edition only
    [InlineData("POST", "/admin/no/such/route")]
    public async Task Unknown_routes_and_wrong_methods_are_an_empty_500_before_any_auth(string method, string path)
    {
        var (status, body) = await SendAsync(Request(new HttpMethod(method), path, method == "POST" ? "{}" : null, sign: _ => { }));

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal(string.Empty, body);
    }

    [Theory]
    [InlineData("{\"sender\":", "JsonSyntaxException")]
    [InlineData("{\"sender\":\"admin\",\"payload\":{\"type\":1}}", "NullPointerException")]
    [InlineData("{\"sender\":\"admin\",\"targets\":[\"a\"],\"payload\":{\"type\":1,\"base64edData\":\"***\"}}", "Illegal base64")]
    public async Task Bodies_the_server_cannot_handle_are_a_500_with_the_exception_text(string json, string text)
    {
        var (status, body) = await SendAsync(Request(HttpMethod.Post, "/admin/message/multicast", json));

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains(text, body);
    }

    [Theory]
    [InlineData("", 251)]
    [InlineData("{\"sender\":\"\",\"conv\":{\"type\":0,\"target\":\"admin\"},\"payload\":{\"type\":1}}", 251)]
    [InlineData("{\"sender\":\"a\",\"conv\":{\"type\":7,\"target\":\"admin\"},\"payload\":{\"type\":1}}", 251)]
    [InlineData("{\"sender\":\"a\",\"conv\":{\"type\":0,\"target\":\"ghost\"},\"payload\":{\"type\":1}}", 253)]
    [InlineData("{\"sender\":\"a\",\"conv\":{\"type\":2,\"target\":\"chatroom1\"},\"payload\":{\"type\":1}}", 0)]
    public async Task Send_validates_sender_conversation_type_and_target(string json, int code)
    {
        var (_, body) = await SendAsync(Request(HttpMethod.Post, "/admin/message/send", json));
        Assert.Equal(code, Code(body));
    }

    [Fact]
    public async Task A_missing_persistFlag_is_stored_as_0_and_client_sdk_field_names_are_dropped()
    {
        var (_, body) = await SendAsync(Request(HttpMethod.Post, "/admin/message/send",
            "{\"sender\":\"a\",\"conv\":{\"type\":0,\"target\":\"admin\"},\"payload\":{\"type\":1,\"searchableContent\":\"x\",\"binaryContent\":\"AAEC\"}}"));
        var uid = JsonDocument.Parse(body).RootElement.GetProperty("result").GetProperty("messageUid").GetInt64();

        var stored = sandbox.Host.Wildfire.Messages.Find(uid)!;
        Assert.Equal(0, stored.PersistFlag);
        Assert.False(stored.Payload.ContainsKey("binaryContent"));
    }

    [Fact]
    public async Task Users_are_created_and_read_back_over_http()
    {
        var id = SandboxFixture.NewId("user");
        var (_, created) = await SendAsync(Request(HttpMethod.Post, "/admin/user/create", $"{{\"userId\":\"{id}\",\"name\":\"{id}\",\"mobile\":\"555\"}}"));
        var (_, read) = await SendAsync(Request(HttpMethod.Post, "/admin/user/get_info", $"{{\"userId\":\"{id}\"}}"));
        var (_, nameless) = await SendAsync(Request(HttpMethod.Post, "/admin/user/create", "{\"userId\":\"x\"}"));

        Assert.Equal(id, JsonDocument.Parse(created).RootElement.GetProperty("result").GetProperty("userId").GetString());
        Assert.Equal("555", JsonDocument.Parse(read).RootElement.GetProperty("result").GetProperty("mobile").GetString());
        Assert.Equal(251, Code(nameless));
    }

    [Fact]
    public async Task Get_one_reads_a_multicast_as_a_private_message_from_the_sender_and_recall_answers_a_json_string()
    {
        var (_, sent) = await SendAsync(Request(HttpMethod.Post, "/admin/message/multicast",
            "{\"sender\":\"ops\",\"targets\":[\"a\",\"b\"],\"payload\":{\"type\":1,\"searchableContent\":\"hi\",\"persistFlag\":3}}"));
        var uid = JsonDocument.Parse(sent).RootElement.GetProperty("result").GetProperty("messageUid").GetInt64();

        var (_, one) = await SendAsync(Request(HttpMethod.Post, "/admin/message/get_one", $"{{\"messageUid\":{uid}}}"));
        var (_, recalled) = await SendAsync(Request(HttpMethod.Post, "/admin/message/recall", $"{{\"operator\":\"admin\",\"messageUid\":{uid}}}"));
        var (_, again) = await SendAsync(Request(HttpMethod.Post, "/admin/message/recall", $"{{\"operator\":\"admin\",\"messageUid\":{uid}}}"));

        var message = JsonDocument.Parse(one).RootElement.GetProperty("result");
        Assert.Equal(uid, message.GetProperty("messageId").GetInt64());
        Assert.Equal("ops", message.GetProperty("conv").GetProperty("target").GetString());
        Assert.Equal(new[] { "a", "b" }, message.GetProperty("toUsers").EnumerateArray().Select(e => e.GetString()));
        var snapshot = JsonDocument.Parse(recalled).RootElement.GetProperty("result");
        Assert.Equal(JsonValueKind.String, snapshot.ValueKind);
        Assert.Equal("hi", JsonDocument.Parse(snapshot.GetString()!).RootElement.GetProperty("sc").GetString());
        Assert.Equal(string.Empty, JsonDocument.Parse(again).RootElement.GetProperty("result").GetString());
        Assert.Equal(80, sandbox.Host.Wildfire.Messages.Find(uid)!.ContentType);
    }

    [Fact]
    public async Task The_rate_limiter_runs_first_and_unsigned_requests_use_up_the_shared_budget()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { WildfireRateLimit = 3 });
        var uri = host.WildfireServer.BaseUri;
        var codes = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            // Unsigned: each answer is 239, yet each takes a token; the fourth finds the bucket empty.
            using var response = await Http.PostAsync(new Uri(uri, "admin/user/online_count"), new StringContent("{}"));
            codes.Add(Code(await response.Content.ReadAsStringAsync()));
        }
        using var health = await Http.GetAsync(new Uri(uri, "admin/health"));

        Assert.Equal(new[] { 239, 239, 239, 250 }, codes);
        Assert.Equal(250, Code(await health.Content.ReadAsStringAsync()));
    }
}
