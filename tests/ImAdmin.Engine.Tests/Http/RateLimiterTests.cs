using System.Net.Http;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Security;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;

namespace ImAdmin.Engine.Tests.Http;

/// <summary>What the limiter admits, counted against a fake clock (never against wall-clock races).</summary>
public class RateLimiterTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private TimeSpan _now = TimeSpan.FromSeconds(100);

    private RateLimiter Limiter(double perSecond, double? burst = null) =>
        new(perSecond, burst, () => _now, (wait, _) => { _now += wait; return Task.CompletedTask; });

    /// <summary>Calls admitted for <paramref name="key"/> while the fake clock moves from now to now + <paramref name="window"/>, as far as each refusal says to wait.</summary>
    private int AdmittedWithin(RateLimiter limiter, string key, TimeSpan window, int cost = 1)
    {
        var end = _now + window;
        var admitted = 0;
        while (_now < end)
        {
            if (limiter.TryTake(key, cost, out var wait)) admitted++;
            else _now += Max(wait, TimeSpan.FromTicks(1));
        }
        return admitted;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public void Dispose() => sandbox.Host.WuKongServer.Faults.Clear();

    [Fact]
    public void A_key_admits_its_burst_then_its_rate()
    {
        var limiter = Limiter(200, burst: 10);
        // 10 at once, then 200 per second for the next 10 seconds (within one token of rounding).
        var admitted = AdmittedWithin(limiter, "/v4/openim/sendmsg", TimeSpan.FromSeconds(10));
        Assert.InRange(admitted, 10 + 2000 - 1, 10 + 2000 + 1);
    }

    [Fact]
    public void A_window_limit_caps_every_one_second_window_even_when_the_bucket_would_admit_more()
    {
        // Burst 50 + 200/s would let 250 through in the first second; the window limit keeps each second at 199.
        var limiter = new RateLimiter(200, 50, () => _now, (wait, _) => { _now += wait; return Task.CompletedTask; }, perWindow: 199);
        var times = new List<TimeSpan>();
        var end = _now + TimeSpan.FromSeconds(5);
        while (_now < end)
        {
            if (limiter.TryTake("k", 1, out var wait)) times.Add(_now);
            else _now += Max(wait, TimeSpan.FromTicks(1));
        }

        var busiest = times.Max(start => times.Count(t => t >= start && t < start + TimeSpan.FromSeconds(1)));
        Assert.Equal(199, busiest);
        Assert.InRange(times.Count, 5 * 199 - 1, 5 * 199);
    }

    [Fact]
    public void Keys_have_their_own_budget_and_share_it_between_callers()
    {
        var limiter = Limiter(100, burst: 1);
        var a = AdmittedWithin(limiter, "a", TimeSpan.FromSeconds(5));
        _now -= TimeSpan.FromSeconds(5);
        var b = AdmittedWithin(limiter, "b", TimeSpan.FromSeconds(5));
        Assert.InRange(a, 500, 502);
        Assert.InRange(b, 500, 502);

        // Two callers (cmdlets, runspaces) drawing on one key split its budget instead of doubling it.
        var shared = Limiter(100, burst: 1);
        var end = _now + TimeSpan.FromSeconds(5);
        int first = 0, second = 0;
        while (_now < end)
        {
            var took = false;
            if (shared.TryTake("k", 1, out var wait)) { first++; took = true; }
            if (shared.TryTake("k", 1, out wait)) { second++; took = true; }
            if (!took) _now += Max(wait, TimeSpan.FromTicks(1));
        }
        Assert.InRange(first + second, 500, 502);
    }

    [Fact]
    public void A_cost_counts_recipients_and_a_cost_above_the_burst_still_gets_through()
    {
        // Tencent batchsendmsg: recipients per minute, a batch of 500 costs 500.
        var limiter = Limiter((12000 - 500) / 60.0, burst: 500);
        var batches = AdmittedWithin(limiter, "openim/batchsendmsg", TimeSpan.FromSeconds(60), cost: 500);
        Assert.InRange(batches * 500, 11000, 12000);

        var small = Limiter(1, burst: 5);
        Assert.True(small.TryTake("k", 50, out _));
        Assert.False(small.TryTake("k", 1, out var wait));
        Assert.True(wait > TimeSpan.Zero);
    }

    [Fact]
    public void Throttling_pauses_the_key_for_retry_after_then_halves_its_rate_and_it_recovers()
    {
        var limiter = Limiter(100, burst: 1);
        AdmittedWithin(limiter, "k", TimeSpan.FromSeconds(1));
        limiter.Throttled("k", TimeSpan.FromSeconds(3));

        Assert.False(limiter.TryTake("k", 1, out var pause));
        Assert.Equal(TimeSpan.FromSeconds(3), pause);
        Assert.Equal(0, AdmittedWithin(limiter, "k", TimeSpan.FromSeconds(3) - TimeSpan.FromMilliseconds(1)));
        Assert.Equal(100, limiter.PerSecond);
        // Right after the pause the key runs at about half speed, and is back to full speed within ten calm seconds.
        var firstSecond = AdmittedWithin(limiter, "k", TimeSpan.FromSeconds(1));
        Assert.InRange(firstSecond, 50, 60);
        AdmittedWithin(limiter, "k", TimeSpan.FromSeconds(10));
        Assert.Equal(100, limiter.CurrentRate("k"));
        Assert.Equal(100, limiter.CurrentRate("other"));
    }

    [Fact]
    public void Throttling_without_retry_after_pauses_one_second_and_never_slows_below_a_sixteenth()
    {
        var limiter = Limiter(160, burst: 1);
        for (var i = 0; i < 10; i++) limiter.Throttled("k", null);
        Assert.False(limiter.TryTake("k", 1, out var pause));
        Assert.Equal(RateLimiter.DefaultThrottlePause, pause);
        Assert.Equal(10, limiter.CurrentRate("k"));
    }

    [Fact]
    public async Task WaitAsync_sleeps_the_time_the_bucket_needs()
    {
        var limiter = Limiter(10, burst: 1);
        var start = _now;
        for (var i = 0; i < 11; i++) await limiter.WaitAsync("k", 1, CancellationToken.None);
        Assert.InRange((_now - start).TotalSeconds, 1.0, 1.02);
    }

    [Fact]
    public async Task A_429_from_the_server_slows_the_sessions_limiter_for_that_api()
    {
        sandbox.Host.WuKongServer.Faults.Add(new Fault { Path = "/varz", Status = 429, RetryAfter = "0" });
        var limiter = new RateLimiter(1000);
        using var http = new ProviderHttp(ImProvider.WuKongIM, ImHttpClientFactory.Create(
            new PipelineOptions("WuKongIM", sandbox.Host.WuKongServer.BaseUri, SandboxFixture.FastRetries(), new HttpStatusClassifier())
            {
                Auth = new WuKongAuthHandler(ImSecret.FromPlainText(sandbox.Options.WuKongToken!)),
                RateLimiter = limiter,
            }));

        var result = await http.GetAsync("/varz", CancellationToken.None);

        Assert.Equal(200, result.Status);
        Assert.True(limiter.CurrentRate("/varz") < 1000);
        Assert.Equal(1000, limiter.CurrentRate("/message/send"));
    }
}
