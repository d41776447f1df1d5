using ImAdmin.Engine.Http;
using ImAdmin.Engine.Providers.Tencent;

namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>
/// The client-side call limit keeps a burst of calls within the server's per-second limit. The limiter runs on a
/// clock the test moves (a wait advances it), and the test counts what it admits in every one-second window, so
/// the result does not depend on the machine's speed.
/// </summary>
public class TencentRateLimitTests
{
    private TimeSpan _now = TimeSpan.FromHours(1);

    private RateLimiter Limiter(double perSecond)
    {
        var (rate, burst, perWindow) = TencentClient.CallLimits(perSecond);
        return new RateLimiter(rate, burst, () => _now, (wait, _) =>
        {
            _now += wait;
            return Task.CompletedTask;
        }, perWindow);
    }

    private async Task<List<TimeSpan>> AdmitAsync(RateLimiter limiter, int calls)
    {
        var admitted = new List<TimeSpan>();
        for (var i = 0; i < calls; i++)
        {
            await limiter.WaitAsync("/v4/im_open_login_svc/account_check", 1, CancellationToken.None);
            admitted.Add(_now);
        }
        return admitted;
    }

    private static int BusiestSecond(List<TimeSpan> admitted) =>
        admitted.Max(start => admitted.Count(t => t >= start && t < start + TimeSpan.FromSeconds(1)));

    [Theory]
    [InlineData(40)]
    [InlineData(200)]
    public async Task No_one_second_window_admits_more_calls_than_the_server_allows(double perSecond)
    {
        var admitted = await AdmitAsync(Limiter(perSecond), 5 * (int)perSecond);

        Assert.InRange(BusiestSecond(admitted), 1, (int)perSecond);
    }

    [Fact]
    public async Task The_limit_is_used_rather_than_wasted()
    {
        var start = _now;
        var admitted = await AdmitAsync(Limiter(40), 200);

        // 200 calls at 40 a second: at least 90 % of the allowed rate, counted on the limiter's own clock.
        Assert.InRange((admitted[^1] - start).TotalSeconds, 4, 200 / (40 * 0.9));
    }

    [Fact]
    public async Task Late_wake_ups_neither_push_a_second_over_the_limit_nor_waste_it()
    {
        // Every sleep lasts 4 ms longer than asked, as on a loaded host; the window limit alone keeps the seconds right.
        var (rate, burst, perWindow) = TencentClient.CallLimits(200);
        var limiter = new RateLimiter(rate, burst, () => _now, (wait, _) =>
        {
            _now += wait + TimeSpan.FromMilliseconds(4);
            return Task.CompletedTask;
        }, perWindow);

        var admitted = await AdmitAsync(limiter, 2000);

        Assert.InRange(BusiestSecond(admitted), 1, 200);
        var perSecond = (admitted.Count - 1) / (admitted[^1] - admitted[0]).TotalSeconds;
        Assert.InRange(perSecond, 0.96 * 200, 200);
    }

    [Fact]
    public async Task Each_api_path_has_its_own_bucket()
    {
        var limiter = Limiter(40);
        var start = _now;
        // Empty one path's bucket (its whole burst): a call on another path is still admitted at once.
        for (var i = 0; i < (int)TencentClient.CallLimits(40).Burst; i++)
            await limiter.WaitAsync("/v4/openim/batchsendmsg", 1, CancellationToken.None);
        await limiter.WaitAsync("/v4/im_open_login_svc/account_check", 1, CancellationToken.None);

        Assert.Equal(start, _now);
    }

    [Fact]
    public async Task A_wait_is_cancellable()
    {
        var limiter = new RateLimiter(1, 1);
        await limiter.WaitAsync("k", 1, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.WaitAsync("k", 1, cancel.Token));
    }
}
