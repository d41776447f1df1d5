using System.Net;
using System.Text;
using System.Text.Json;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Providers.Tencent;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox;

namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>
/// The Tencent sandbox itself, over raw HTTP: its auth checks and error codes, envelopes, limits and dedupe must be
/// faithful to the contract, or the engine tests prove nothing.
/// </summary>
public class TencentSandboxTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string Admin = "administrator";
    private static readonly HttpClient Http = new();

    private string Sig(string identifier = Admin, long? sdkAppId = null, string? key = null, DateTimeOffset? at = null, TimeSpan? lifetime = null) =>
        UserSig.Generate(sdkAppId ?? sandbox.Options.TencentSdkAppId, key ?? sandbox.Options.TencentSecretKey, identifier,
            at ?? DateTimeOffset.UtcNow, lifetime ?? TimeSpan.FromDays(1));

    private string AuthQuery(string? sig = null, string identifier = Admin) =>
        $"sdkappid={sandbox.Options.TencentSdkAppId}&identifier={Uri.EscapeDataString(identifier)}&usersig={sig ?? Sig(identifier)}&random=42&contenttype=json";

    private static async Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(SandboxHost host, string api, string body, string query, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, new Uri(host.TencentServer.BaseUri, "v4/" + api + "?" + query));
        if (method != HttpMethod.Get) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(ImJson.TryParse(text, out var json), text);
        return (response.StatusCode, json);
    }

    private Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(string api, string body, string? query = null, HttpMethod? method = null) =>
        CallAsync(sandbox.Host, api, body, query ?? AuthQuery(), method);

    private static void AssertFail(JsonElement body, int code)
    {
        Assert.Equal("FAIL", body.GetString("ActionStatus"));
        Assert.Equal(code, body.GetInt("ErrorCode"));
        Assert.False(string.IsNullOrEmpty(body.GetString("ErrorInfo")));
    }

    [Fact]
    public async Task Every_API_level_outcome_is_HTTP_200_with_the_envelope()
    {
        var (ok, okBody) = await CallAsync("im_open_login_svc/account_check", """{"CheckItem":[{"UserID":"administrator"}]}""");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(("OK", 0, ""), (okBody.GetString("ActionStatus"), okBody.GetInt("ErrorCode"), okBody.GetString("ErrorInfo")));

        var (fail, failBody) = await CallAsync("openim/nosuchcommand", "{}");
        Assert.Equal(HttpStatusCode.OK, fail);
        AssertFail(failBody, 60009);
    }

    [Theory]
    [InlineData("random=1&contenttype=json&identifier=administrator&usersig=x", 60012)]
    [InlineData("SdkAppId=1400000000&identifier=administrator&usersig=x&random=1&contenttype=json", 60012)]
    [InlineData("sdkappid=1400000001&identifier=administrator&usersig=x&random=1&contenttype=json", 70020)]
    [InlineData("sdkappid=1400000000&usersig=x&random=1&contenttype=json", 60004)]
    [InlineData("sdkappid=1400000000&identifier=administrator&random=1&contenttype=json", 70002)]
    [InlineData("sdkappid=1400000000&identifier=administrator&usersig=x&random=-1&contenttype=json", 60002)]
    [InlineData("sdkappid=1400000000&identifier=administrator&usersig=x&random=1&contenttype=JSON", 60002)]
    [InlineData("sdkappid=1400000000&identifier=administrator&usersig=not*a*sig&random=1&contenttype=json", 70003)]
    public async Task The_query_string_is_checked_case_sensitively(string query, int code) =>
        AssertFail((await CallAsync("im_open_login_svc/account_check", "{}", query)).Body, code);

    [Fact]
    public async Task UserSig_checks_give_the_documented_codes()
    {
        const string check = "im_open_login_svc/account_check";
        const string body = """{"CheckItem":[{"UserID":"administrator"}]}""";
        AssertFail((await CallAsync(check, body, AuthQuery(Sig(sdkAppId: 1400000001)))).Body, 70014);
        AssertFail((await CallAsync(check, body, AuthQuery(Sig("root")))).Body, 70013);
        AssertFail((await CallAsync(check, body, AuthQuery(Sig(key: new string('0', 64))))).Body, 70009);
        AssertFail((await CallAsync(check, body, AuthQuery(Sig(at: DateTimeOffset.UtcNow.AddDays(-2))))).Body, 70001);
        AssertFail((await CallAsync(check, body, AuthQuery(identifier: "alice"))).Body, 60010);
    }

    [Fact]
    public async Task Only_POST_is_served_and_bodies_must_be_JSON_objects()
    {
        AssertFail((await CallAsync("im_open_login_svc/account_check", "", method: HttpMethod.Get)).Body, 60002);
        AssertFail((await CallAsync("im_open_login_svc/account_check", "")).Body, 60003);
        AssertFail((await CallAsync("openim/sendmsg", "not json")).Body, 90001);
        AssertFail((await CallAsync("openim/sendmsg", "[]")).Body, 90001);
    }

    [Fact]
    public async Task Accounts_are_imported_and_checked_at_most_100_per_call()
    {
        var ids = Enumerable.Range(0, 3).Select(_ => SandboxFixture.NewId("acct")).ToArray();
        var (_, imported) = await CallAsync("im_open_login_svc/multiaccount_import", JsonSerializer.Serialize(new { Accounts = ids.Append(new string('x', 33)) }));
        Assert.Equal([new string('x', 33)], imported.GetProperty("FailAccounts").EnumerateArray().Select(a => a.GetString()));
        var (_, single) = await CallAsync("im_open_login_svc/account_import", """{"Identifier":"legacy-field-user"}""");
        Assert.Equal(0, single.GetInt("ErrorCode"));

        var (_, checkedBody) = await CallAsync("im_open_login_svc/account_check",
            JsonSerializer.Serialize(new { CheckItem = new[] { ids[0], "legacy-field-user", "never-imported" }.Select(id => new { UserID = id }) }));
        Assert.Equal(["Imported", "Imported", "NotImported"],
            checkedBody.GetProperty("ResultItem").EnumerateArray().Select(i => i.GetString("AccountStatus")));

        var tooMany = JsonSerializer.Serialize(new { Accounts = Enumerable.Range(0, 101).Select(i => "u" + i) });
        AssertFail((await CallAsync("im_open_login_svc/multiaccount_import", tooMany)).Body, 70402);
    }

    [Fact]
    public async Task Batch_sends_take_1_to_500_recipients_and_message_fields_are_validated()
    {
        const string element = """[{"MsgType":"TIMTextElem","MsgContent":{"Text":"x"}}]""";
        var tooMany = JsonSerializer.Serialize(new { To_Account = Enumerable.Range(0, 501).Select(i => "u" + i), MsgRandom = 1 });
        AssertFail((await CallAsync("openim/batchsendmsg", tooMany.Replace("}", ",\"MsgBody\":" + element + "}"))).Body, 90011);
        AssertFail((await CallAsync("openim/batchsendmsg", """{"To_Account":[],"MsgRandom":1,"MsgBody":""" + element + "}")).Body, 90011);
        AssertFail((await CallAsync("openim/sendmsg", """{"To_Account":"alice","MsgBody":""" + element + "}")).Body, 90005);
        AssertFail((await CallAsync("openim/sendmsg", """{"To_Account":"alice","MsgRandom":1}""")).Body, 90007);
        AssertFail((await CallAsync("openim/sendmsg", """{"To_Account":"alice","MsgRandom":1,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{}}]}""")).Body, 90010);
        AssertFail((await CallAsync("openim/sendmsg", """{"To_Account":"alice","MsgRandom":1,"MsgLifeTime":604801,"MsgBody":""" + element + "}")).Body, 90026);
    }

    [Fact]
    public async Task Calls_over_the_per_API_limit_answer_60007()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { TencentCallsPerSecond = 3 });
        // 20 loopback calls span at most a few one-second windows of 3 calls each.
        var codes = new List<int>();
        for (var i = 0; i < 20; i++)
            codes.Add((await CallAsync(host, "im_open_login_svc/account_check", """{"CheckItem":[{"UserID":"administrator"}]}""", AuthQuery())).Body.GetInt("ErrorCode") ?? -1);
        Assert.Contains(0, codes);
        Assert.Contains(60007, codes);
        Assert.All(codes, c => Assert.True(c is 0 or 60007));
    }

    [Fact]
    public async Task Batch_recipients_over_the_per_minute_limit_answer_60007()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { TencentBatchRecipientsPerMinute = 5, Seed = true });
        string Batch(params string[] to) => JsonSerializer.Serialize(new
        {
            To_Account = to, MsgRandom = 7, MsgBody = new[] { new { MsgType = "TIMTextElem", MsgContent = new { Text = "x" } } },
        });
        Assert.Equal(0, (await CallAsync(host, "openim/batchsendmsg", Batch("alice", "bob", "carol"), AuthQuery())).Body.GetInt("ErrorCode"));
        AssertFail((await CallAsync(host, "openim/batchsendmsg", Batch("alice", "bob", "carol"), AuthQuery())).Body, 60007);
        Assert.Equal(0, (await CallAsync(host, "openim/batchsendmsg", Batch("dave", "alice"), AuthQuery())).Body.GetInt("ErrorCode"));
    }

    [Fact]
    public async Task Sendmsg_dedupes_the_same_sender_seq_random_and_content_for_120_seconds()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Now = clock.Now, Seed = true });
        const string body = """{"To_Account":"bob","MsgSeq":9,"MsgRandom":77,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}]}""";
        var query = () => AuthQuery(Sig(at: clock.Now()));

        var first = (await CallAsync(host, "openim/sendmsg", body, query())).Body.GetString("MsgKey");
        clock.Advance(TimeSpan.FromSeconds(119));
        var repeat = (await CallAsync(host, "openim/sendmsg", body, query())).Body.GetString("MsgKey");
        var changed = (await CallAsync(host, "openim/sendmsg", body.Replace("\"hi\"", "\"hi!\""), query())).Body.GetString("MsgKey");
        clock.Advance(TimeSpan.FromSeconds(2));
        var later = (await CallAsync(host, "openim/sendmsg", body, query())).Body.GetString("MsgKey");

        Assert.Equal(first, repeat);
        Assert.Matches(@"^9_77_\d+$", first);
        Assert.NotEqual(first, later);
        Assert.Equal(3, host.Tencent.State.MessagesTo("bob").Count);
        Assert.NotEqual(first, changed);
    }

    [Fact]
    public async Task Paths_outside_v4_are_a_plain_404()
    {
        using var response = await Http.GetAsync(new Uri(sandbox.Host.TencentServer.BaseUri, "index.html"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
