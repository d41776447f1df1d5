using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Security;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;

namespace ImAdmin.Engine.Tests.WuKongIM;

public class WuKongSessionTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Connect_validates_the_token_and_reads_the_server_version()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WuKongRequest());
        Assert.Equal(ImProvider.WuKongIM, session.Provider);
        Assert.Equal(ImAdmin.Sandbox.WuKongIM.WuKongSandbox.Version, session.ServerVersion);
        Assert.DoesNotContain(sandbox.Options.WuKongToken!, session.ToString());
    }

    [Fact]
    public async Task A_wrong_token_fails_at_connect_with_one_clear_message()
    {
        var request = sandbox.WuKongRequest();
        request.Token = ImSecret.FromPlainText("wrong");
        var ex = await Assert.ThrowsAsync<ImException>(() => SandboxFixture.ConnectAsync(request));
        Assert.Equal(ImErrorKind.Authentication, ex.Kind);
        Assert.Equal(401, ex.HttpStatus);
        Assert.Contains("-Token", ex.Message);
        Assert.DoesNotContain("wrong", ex.Message);
    }

    [Fact]
    public async Task An_unreachable_server_fails_at_connect()
    {
        var request = sandbox.WuKongRequest(SandboxFixture.FastRetries(0));
        request.Uri = new Uri("http://127.0.0.1:1/");
        var ex = await Assert.ThrowsAsync<ImException>(() => SandboxFixture.ConnectAsync(request));
        Assert.Equal(ImErrorKind.ConnectionFailed, ex.Kind);
    }

    [Fact]
    public async Task Test_reports_authentication_failure_without_throwing()
    {
        var request = sandbox.WuKongRequest();
        request.Token = ImSecret.FromPlainText("wrong");
        using var session = await SandboxFixture.ConnectAsync(request, validate: false);
        var result = await session.TestAsync(CancellationToken.None);
        Assert.True(result.Reachable);
        Assert.False(result.Authenticated);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task A_disconnected_session_refuses_further_calls()
    {
        var session = await SandboxFixture.ConnectAsync(sandbox.WuKongRequest());
        session.Dispose();
        Assert.True(session.IsDisconnected);
        var result = await Assert.ThrowsAsync<ImException>(() => session.TestAsync(CancellationToken.None));
        Assert.Equal(ImErrorKind.InvalidState, result.Kind);
    }
}
