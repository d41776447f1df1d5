using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox;
using static ImAdmin.Engine.Tests.Tencent.TencentTestKit;

namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>The client-side limit keeps a burst of calls under the server's per-second limit, so nothing is throttled.</summary>
public class TencentRateLimitTests
{
    [Fact]
    public async Task Parallel_calls_stay_within_the_per_second_limit_and_none_is_retried()
    {
        // The server allows 10 % more than the client sends, slack for loopback latency jitter between the two clocks.
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { TencentCallsPerSecond = 44 });
        var request = SandboxFixture.TencentRequest(host);
        request.RequestsPerSecond = 40;
        using var session = await SandboxFixture.ConnectAsync(request, validate: false);

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Client(session).GetServerInfoAsync(CancellationToken.None)));

        Assert.Equal(100, Calls(host, "im_open_login_svc/account_check").Count);
    }
}
