using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Security;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox;
using ImAdmin.Sandbox.Wildfire;

namespace ImAdmin.Engine.Tests.Wildfire;

/// <summary>Connecting: health (unsigned) plus one signed read, the wrong secret, and the server's 2-hour timestamp rule.</summary>
public class WildfireSessionTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Connect_checks_health_unsigned_then_proves_the_secret_with_a_signed_read()
    {
        sandbox.Host.WildfireServer.Journal.Clear();
        var signedBefore = sandbox.Host.Wildfire.SignedRequests.Count;

        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var test = await session.TestAsync(CancellationToken.None);

        Assert.Equal(ImProvider.Wildfire, session.Provider);
        Assert.True(test.Succeeded);
        var paths = sandbox.Host.WildfireServer.Journal.Entries.Select(e => e.Method + " " + e.Path).ToList();
        Assert.Equal(new[] { "GET /admin/health", "POST /admin/user/online_count" }, paths.Take(2));
        // Only the online_count calls were signed (connect and test): health is exempt and goes unsigned.
        var signed = sandbox.Host.Wildfire.SignedRequests.Skip(signedBefore).ToList();
        Assert.All(signed, s => Assert.Equal("/admin/user/online_count", s.Path));
        Assert.All(signed, s => Assert.Equal(WildfireCodes.Success, s.Code));
    }

    [Fact]
    public async Task A_wrong_secret_fails_at_connect_with_one_authentication_error_that_reveals_nothing()
    {
        const string wrong = "not-the-secret-42";
        var request = sandbox.WildfireRequest();
        request.Secret = ImSecret.FromPlainText(wrong);
        var log = new RecordingLog();

        ImException ex;
        using (ImLog.Use(log))
            ex = await Assert.ThrowsAsync<ImException>(() => SandboxFixture.ConnectAsync(request));

        Assert.Equal(ImErrorKind.Authentication, ex.Kind);
        Assert.Equal(244, ex.ServerCode);
        Assert.Equal("auth failure", ex.ServerMessage);
        Assert.Equal(200, ex.HttpStatus);
        Assert.Contains("-Secret", ex.Message);
        var signs = sandbox.Host.Wildfire.SignedRequests.Select(r => r.Sign!).ToList();
        foreach (var text in log.All.Append(ex.Message).Append(ex.ToString()))
        {
            Assert.DoesNotContain(wrong, text);
            Assert.DoesNotContain(sandbox.Options.WildfireSecret, text);
            Assert.DoesNotContain(signs, sign => text.Contains(sign));
        }
    }

    [Fact]
    public async Task The_secret_and_signs_never_reach_the_log()
    {
        var log = new RecordingLog();
        using (ImLog.Use(log))
        {
            using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
            await session.TestAsync(CancellationToken.None);
        }

        var signs = sandbox.Host.Wildfire.SignedRequests.Select(r => r.Sign!).ToList();
        Assert.NotEmpty(signs);
        Assert.NotEmpty(log.Debug);
        Assert.Contains(log.Verbose, l => l.Contains("POST /admin/user/online_count -> 200"));
        foreach (var line in log.All)
        {
            Assert.DoesNotContain(sandbox.Options.WildfireSecret, line);
            Assert.DoesNotContain(signs, sign => line.Contains(sign));
        }
    }

    [Fact]
    public async Task A_timestamp_over_two_hours_old_is_resigned_once_then_reported_as_a_clock_problem()
    {
        // The server's clock runs 3 hours ahead, so every timestamp this machine signs looks 3 hours old.
        await using var host = await WildfireTestServer.StartAsync(new SandboxOptions { Now = () => DateTimeOffset.UtcNow.AddHours(3) });

        var ex = await Assert.ThrowsAsync<ImException>(() => SandboxFixture.ConnectAsync(WildfireTestServer.RequestFor(sandbox, host)));

        Assert.Equal(ImErrorKind.Authentication, ex.Kind);
        Assert.Equal(243, ex.ServerCode);
        Assert.Contains("clock", ex.Message);
        var attempts = host.Wildfire.SignedRequests;
        Assert.Equal(2, attempts.Count); // the first attempt and exactly one re-signed retry
        Assert.All(attempts, a => Assert.Equal(WildfireCodes.SignExpired, a.Code));
        Assert.NotEqual(attempts[0].Nonce, attempts[1].Nonce);
    }

    [Fact]
    public async Task No_check_time_accepts_old_timestamps()
    {
        await using var host = await WildfireTestServer.StartAsync(new SandboxOptions { Now = () => DateTimeOffset.UtcNow.AddHours(3), WildfireNoCheckTime = true });
        using var session = await SandboxFixture.ConnectAsync(WildfireTestServer.RequestFor(sandbox, host));
        Assert.Single(host.Wildfire.SignedRequests);
    }

    [Fact]
    public async Task Timestamps_in_the_future_are_accepted()
    {
        // The server's clock runs 3 hours behind: the check is one-sided, only the past counts.
        await using var host = await WildfireTestServer.StartAsync(new SandboxOptions { Now = () => DateTimeOffset.UtcNow.AddHours(-3) });
        using var session = await SandboxFixture.ConnectAsync(WildfireTestServer.RequestFor(sandbox, host));
        Assert.Equal(WildfireCodes.Success, Assert.Single(host.Wildfire.SignedRequests).Code);
    }

    [Fact]
    public async Task Test_reports_a_rejected_secret_without_throwing()
    {
        var request = sandbox.WildfireRequest();
        request.Secret = ImSecret.FromPlainText("wrong");
        using var session = await SandboxFixture.ConnectAsync(request, validate: false);

        var result = await session.TestAsync(CancellationToken.None);

        Assert.True(result.Reachable);
        Assert.False(result.Authenticated);
        Assert.Contains("-Secret", result.Error);
    }

    [Fact]
    public async Task An_unreachable_server_fails_at_connect()
    {
        var request = sandbox.WildfireRequest(SandboxFixture.FastRetries(0));
        request.Uri = new Uri("http://127.0.0.1:1/");
        var ex = await Assert.ThrowsAsync<ImException>(() => SandboxFixture.ConnectAsync(request));
        Assert.Equal(ImErrorKind.ConnectionFailed, ex.Kind);
    }
}
