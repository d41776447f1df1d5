using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Security;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;
using static ImAdmin.Engine.Tests.Tencent.TencentTestKit;

namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>Connecting to Tencent Cloud IM: the UserSig in the query string, envelope errors, retries and redaction.</summary>
public class TencentSessionTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string CheckApi = "im_open_login_svc/account_check";
    private const string OtherKey = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task Connect_proves_the_credentials_with_an_authenticated_account_check()
    {
        var before = Calls(sandbox.Host, CheckApi).Count;
        using var session = await SandboxFixture.ConnectAsync(sandbox.TencentRequest());
        Assert.Equal(ImProvider.TencentCloud, session.Provider);
        Assert.Equal("administrator@1400000000", session.Identity);

        var call = Calls(sandbox.Host, CheckApi).Skip(before).Single();
        Assert.Equal("POST", call.Method);
        Assert.Equal("1400000000", Query(call, "sdkappid"));
        Assert.Equal("administrator", Query(call, "identifier"));
        Assert.Matches("^[A-Za-z0-9*_-]+$", Query(call, "usersig"));
        Assert.True(uint.TryParse(Query(call, "random"), out _));
        Assert.Equal("json", Query(call, "contenttype"));
        Assert.Equal("""{"CheckItem":[{"UserID":"administrator"}]}""", call.Body);
        Assert.DoesNotContain(sandbox.Options.TencentSecretKey, session.ToString());
    }

    [Fact]
    public async Task A_wrong_key_fails_at_connect_with_one_authentication_error_that_reveals_nothing()
    {
        var request = sandbox.TencentRequest();
        request.SecretKey = ImSecret.FromPlainText(OtherKey);
        var before = Calls(sandbox.Host, CheckApi).Count;

        var ex = await Assert.ThrowsAsync<ImException>(() => SandboxFixture.ConnectAsync(request));

        Assert.Equal(ImErrorKind.Authentication, ex.Kind);
        Assert.Equal(70009, ex.ServerCode);
        Assert.Contains("-SecretKey", ex.Message);
        var sent = Calls(sandbox.Host, CheckApi).Skip(before).ToList();
        Assert.Single(sent); // a wrong key is final: no retry
        Assert.DoesNotContain(OtherKey, ex.Message);
        Assert.DoesNotContain(Query(sent[0], "usersig"), ex.ToString());
    }

    [Fact]
    public async Task An_identifier_that_is_not_an_app_admin_is_a_permission_error()
    {
        var request = sandbox.TencentRequest();
        request.Identifier = "alice";
        var ex = await Assert.ThrowsAsync<ImException>(() => SandboxFixture.ConnectAsync(request));
        Assert.Equal(ImErrorKind.PermissionDenied, ex.Kind);
        Assert.Equal(60010, ex.ServerCode);
        Assert.Contains("-Identifier", ex.Message);
    }

    [Fact]
    public async Task A_wrong_SDKAppID_points_at_the_region()
    {
        var request = sandbox.TencentRequest();
        request.SdkAppId = 1400000001;
        var ex = await Assert.ThrowsAsync<ImException>(() => SandboxFixture.ConnectAsync(request));
        Assert.Equal(ImErrorKind.Authentication, ex.Kind);
        Assert.Equal(70020, ex.ServerCode);
        Assert.Contains("-Region", ex.Message);
    }

    [Fact]
    public async Task An_admin_identifier_with_reserved_characters_is_percent_encoded()
    {
        const string admin = "ops+admin@corp/eu";
        await using var host = await ImAdmin.Sandbox.SandboxHost.StartAsync(new ImAdmin.Sandbox.SandboxOptions { TencentAdmins = [admin] });
        using var session = await SandboxFixture.ConnectAsync(SandboxFixture.TencentRequest(host));
        var call = Assert.Single(Calls(host, CheckApi));
        Assert.Equal("ops%2Badmin%40corp%2Feu", Query(call, "identifier"));
        Assert.Equal($"{admin}@1400000000", session.Identity);
    }

    [Fact]
    public async Task Every_attempt_is_signed_afresh_with_a_new_random()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.TencentRequest(), validate: false);
        var before = Calls(sandbox.Host, CheckApi).Count;
        sandbox.Host.TencentServer.Faults.Add(new Fault { Path = "/v4/" + CheckApi, Status = 502, Times = 2 });

        Assert.True((await session.TestAsync(CancellationToken.None)).Succeeded);

        var attempts = Calls(sandbox.Host, CheckApi).Skip(before).ToList();
        Assert.Equal(3, attempts.Count);
        Assert.Equal(3, attempts.Select(a => Query(a, "random")).Distinct().Count());
        Assert.All(attempts, a => Assert.NotEmpty(Query(a, "usersig")));
    }

    [Fact]
    public async Task Throttling_inside_a_200_envelope_is_waited_out_and_retried()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.TencentRequest(), validate: false);
        var before = Calls(sandbox.Host, CheckApi).Count;
        sandbox.Host.TencentServer.Faults.Add(EnvelopeFault(CheckApi, 60007, "REST API call frequency exceeded", times: 2));
        var log = new RecordingLog();

        using (ImLog.Use(log))
            await Client(session).GetServerInfoAsync(CancellationToken.None);

        Assert.Equal(3, Calls(sandbox.Host, CheckApi).Count - before);
        Assert.Contains(log.Warnings, w => w.Contains("throttling"));
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_is_a_rate_limit_error_with_the_server_code()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.TencentRequest(SandboxFixture.FastRetries(1)), validate: false);
        sandbox.Host.TencentServer.Faults.Add(EnvelopeFault(CheckApi, 60011, "SDKAppID request frequency exceeded", times: 2));
        var ex = await Assert.ThrowsAsync<ImException>(() => Client(session).GetServerInfoAsync(CancellationToken.None));
        Assert.Equal(ImErrorKind.RateLimited, ex.Kind);
        Assert.Equal(60011, ex.ServerCode);
        Assert.Equal("SDKAppID request frequency exceeded", ex.ServerMessage);
    }

    [Fact]
    public async Task Transient_server_codes_are_retried_for_idempotent_calls()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.TencentRequest(), validate: false);
        var before = Calls(sandbox.Host, CheckApi).Count;
        sandbox.Host.TencentServer.Faults.Add(EnvelopeFault(CheckApi, 90992, "internal error"));
        await Client(session).GetServerInfoAsync(CancellationToken.None);
        Assert.Equal(2, Calls(sandbox.Host, CheckApi).Count - before);
    }

    [Fact]
    public async Task The_70050_lockout_waits_at_least_60_seconds_so_a_short_budget_gives_up_at_once()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.TencentRequest(), validate: false);
        var before = Calls(sandbox.Host, CheckApi).Count;
        sandbox.Host.TencentServer.Faults.Add(EnvelopeFault(CheckApi, 70050, "too many failed verifications"));
        var log = new RecordingLog();

        ImException ex;
        using (ImLog.Use(log))
            ex = await Assert.ThrowsAsync<ImException>(() => Client(session).GetServerInfoAsync(CancellationToken.None));

        Assert.Equal(ImErrorKind.Authentication, ex.Kind);
        Assert.Equal(70050, ex.ServerCode);
        Assert.Contains("60 seconds", ex.Message);
        Assert.Equal(1, Calls(sandbox.Host, CheckApi).Count - before);
        Assert.Contains(log.Verbose, v => v.Contains("(60 s) would exceed"));
    }

    [Fact]
    public async Task A_gateway_fault_that_persists_is_reported_with_its_HTTP_status()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.TencentRequest(SandboxFixture.FastRetries(0)), validate: false);
        sandbox.Host.TencentServer.Faults.Add(new Fault { Path = "/v4/" + CheckApi, Status = 502, Body = "<html>bad gateway</html>", ContentType = "text/html" });
        var ex = await Assert.ThrowsAsync<ImException>(() => Client(session).GetServerInfoAsync(CancellationToken.None));
        Assert.Equal(ImErrorKind.Unavailable, ex.Kind);
        Assert.Equal(502, ex.HttpStatus);
    }

    [Fact]
    public async Task The_UserSig_and_key_never_reach_logs_or_exception_messages()
    {
        var log = new RecordingLog();
        var before = sandbox.Host.TencentServer.Journal.Entries.Count;
        var errors = new List<Exception>();
        using (ImLog.Use(log))
        {
            using var session = await SandboxFixture.ConnectAsync(sandbox.TencentRequest());
            sandbox.Host.TencentServer.Faults.Add(new Fault { Path = "/v4/" + CheckApi, Status = 503 });
            await Client(session).GetServerInfoAsync(CancellationToken.None);
            errors.Add(await Assert.ThrowsAsync<ImException>(() => Client(session).SendAsync([Text(SandboxFixture.NewId("ghost"), "hi")], CancellationToken.None)));
            var wrong = sandbox.TencentRequest();
            wrong.SecretKey = ImSecret.FromPlainText(OtherKey);
            errors.Add(await Assert.ThrowsAsync<ImException>(() => SandboxFixture.ConnectAsync(wrong)));
        }

        var sigs = sandbox.Host.TencentServer.Journal.Entries.Skip(before).Select(e => Query(e, "usersig")).Where(s => s.Length > 0).Distinct().ToList();
        Assert.NotEmpty(sigs);
        Assert.NotEmpty(log.Debug);
        var text = string.Join("\n", log.All.Concat(errors.Select(e => e.ToString())));
        foreach (var sig in sigs) Assert.DoesNotContain(sig, text);
        Assert.DoesNotContain("usersig=", text);
        Assert.DoesNotContain(sandbox.Options.TencentSecretKey, text);
        Assert.DoesNotContain(OtherKey, text);
    }
}
