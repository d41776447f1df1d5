using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Providers.Tencent;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox;
using static ImAdmin.Engine.Tests.Tencent.TencentTestKit;

namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>
/// The session's admin UserSig over time, with manual clocks on both sides: the client renews before expiry, and
/// a sig the server finds expired (70001) is renewed and the call repeated once.
/// </summary>
public class TencentSigRenewalTests
{
    private const string CheckApi = "im_open_login_svc/account_check";
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1760000000);

    private readonly ManualClock _client = new(Start);
    private readonly ManualClock _server = new(Start);

    private async Task<(SandboxHost Host, ImSession Session)> StartAsync()
    {
        var host = await SandboxHost.StartAsync(new SandboxOptions { Now = _server.Now });
        var request = SandboxFixture.TencentRequest(host);
        request.Clock = _client.Now;
        request.SignatureLifetime = TimeSpan.FromDays(1);
        return (host, await SandboxFixture.ConnectAsync(request));
    }

    [Fact]
    public async Task The_client_renews_its_sig_before_expiry_without_a_server_rejection()
    {
        var (host, session) = await StartAsync();
        await using var _ = host;
        using var __ = session;
        _client.Advance(TimeSpan.FromHours(22));
        _server.Advance(TimeSpan.FromHours(22));

        Assert.True((await session.TestAsync(CancellationToken.None)).Succeeded);

        var sigs = Calls(host, CheckApi).Select(c => UserSigDecoder.Decode(Query(c, "usersig"))).ToList();
        Assert.Equal(2, sigs.Count);
        Assert.Equal(Start.ToUnixTimeSeconds(), sigs[0].Time);
        Assert.Equal(_client.Now().ToUnixTimeSeconds(), sigs[1].Time);
    }

    [Fact]
    public async Task A_sig_the_server_finds_expired_is_renewed_and_the_call_repeated_once()
    {
        var (host, session) = await StartAsync();
        await using var _ = host;
        using var __ = session;
        // The server's clock runs ahead: it sees the cached sig as expired while the client still finds it fresh.
        _server.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        _client.Advance(TimeSpan.FromHours(1));

        Assert.True((await session.TestAsync(CancellationToken.None)).Succeeded);

        var calls = Calls(host, CheckApi);
        Assert.Equal(3, calls.Count);
        Assert.Equal(Query(calls[0], "usersig"), Query(calls[1], "usersig"));
        Assert.Equal(_client.Now().ToUnixTimeSeconds(), UserSigDecoder.Decode(Query(calls[2], "usersig")).Time);
    }

    [Fact]
    public async Task When_the_renewed_sig_is_rejected_too_the_error_points_at_the_clock()
    {
        var (host, session) = await StartAsync();
        await using var _ = host;
        using var __ = session;
        _server.Advance(TimeSpan.FromDays(2));

        var ex = await Assert.ThrowsAsync<ImException>(() => Client(session).GetServerInfoAsync(CancellationToken.None));

        Assert.Equal(ImErrorKind.Authentication, ex.Kind);
        Assert.Equal(70001, ex.ServerCode);
        Assert.Contains("clock", ex.Message);
        Assert.Equal(3, Calls(host, CheckApi).Count); // connect, then one attempt and its single renewal
    }
}
