using System.Text.Json;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Providers.Wildfire;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;

namespace ImAdmin.Engine.Tests.Wildfire;

/// <summary>The envelope's <c>result</c> in all its forms, and answers that are not envelopes at all.</summary>
public class WildfireResponseTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    public void Dispose() => sandbox.Host.WildfireServer.Faults.Clear();

    [Fact]
    public async Task Result_may_be_an_array_a_json_string_or_absent()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var http = WildfireTestServer.Client(session).Http;

        var health = WildfireResponse.Read(await http.GetAsync(WildfireClient.HealthPath, CancellationToken.None));
        var sent = await WildfireTestServer.PostAsync(session, "/admin/message/send",
            new { sender = "admin", conv = new { type = 0, target = "admin", line = 0 }, payload = new { type = 1, searchableContent = "to recall", persistFlag = 3 } });
        var recalled = await WildfireTestServer.PostAsync(session, "/admin/message/recall", new { @operator = "admin", messageUid = sent.GetProperty("messageUid").GetInt64() });
        sandbox.Host.WildfireServer.Faults.Add(new Fault { Path = "/admin/user/online_count", Status = 200, Body = "{\"code\":0,\"msg\":\"success\"}" });
        var absent = await WildfireTestServer.PostAsync(session, "/admin/user/online_count", new { });

        Assert.Equal(JsonValueKind.Array, health.ValueKind);
        Assert.Equal(JsonValueKind.String, recalled.ValueKind);
        Assert.Equal("to recall", JsonDocument.Parse(recalled.GetString()!).RootElement.GetProperty("sc").GetString());
        Assert.Equal(JsonValueKind.Undefined, absent.ValueKind);
    }

    [Theory]
    [InlineData(200, "<html>proxy error</html>", ImErrorKind.ServerError, false)]
    [InlineData(500, "java.lang.NullPointerException", ImErrorKind.ServerError, true)]
    [InlineData(401, "", ImErrorKind.Authentication, false)]
    [InlineData(504, "", ImErrorKind.Unavailable, true)]
    public async Task Answers_that_are_not_envelopes_keep_their_status_and_say_what_they_mean(int status, string body, ImErrorKind kind, bool outcomeUnknown)
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest(SandboxFixture.FastRetries(0)));
        sandbox.Host.WildfireServer.Faults.Add(new Fault { Path = "/admin/user/get_info", Status = status, Body = body, ContentType = "text/plain" });

        var ex = await Assert.ThrowsAsync<ImException>(() => WildfireTestServer.PostAsync(session, "/admin/user/get_info", new { userId = "admin" }));

        Assert.Equal(kind, ex.Kind);
        Assert.Equal(status, ex.HttpStatus);
        Assert.Equal(outcomeUnknown, ex.OutcomeUnknown);
        Assert.Equal("POST /admin/user/get_info", ex.Request);
    }

    [Fact]
    public async Task A_timeout_not_above_the_servers_5_s_limit_is_warned_about_at_connect()
    {
        var policy = SandboxFixture.FastRetries();
        policy.AttemptTimeout = TimeSpan.FromSeconds(5);
        var log = new RecordingLog();

        using (ImLog.Use(log))
        using (await SandboxFixture.ConnectAsync(sandbox.WildfireRequest(policy)))
        using (await SandboxFixture.ConnectAsync(sandbox.WildfireRequest()))
        {
        }

        Assert.Contains("-TimeoutSec 15", Assert.Single(log.Warnings));
    }
}
