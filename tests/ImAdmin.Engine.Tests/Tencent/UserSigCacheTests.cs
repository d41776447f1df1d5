using ImAdmin.Engine.Providers.Tencent;
using ImAdmin.Engine.Security;

namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>The session's admin UserSig is reused, and renewed well before it expires (see docs/server-behaviour/tencent.md, 'UserSig').</summary>
public class UserSigCacheTests
{
    private const string Key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
    private readonly ManualClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(1700000000));

    private UserSigCache Cache(TimeSpan lifetime) => new(1400000000, "administrator", ImSecret.FromPlainText(Key), lifetime, _clock.Now);

    [Fact]
    public void A_one_day_sig_is_reused_until_a_tenth_of_its_life_remains()
    {
        var cache = Cache(TimeSpan.FromDays(1));
        var first = cache.Current();
        _clock.Advance(TimeSpan.FromHours(21));
        Assert.Same(first, cache.Current());
        _clock.Advance(TimeSpan.FromHours(0.7)); // 2.3 h left < 2.4 h
        var second = cache.Current();
        Assert.NotEqual(first, second);
        Assert.Equal(_clock.Now().ToUnixTimeSeconds(), UserSigDecoder.Decode(second).Time);
    }

    [Fact]
    public void A_long_sig_is_renewed_with_at_least_an_hour_to_spare_and_a_short_one_at_half_life()
    {
        var week = Cache(TimeSpan.FromDays(7));
        var first = week.Current();
        _clock.Advance(TimeSpan.FromDays(6.2)); // 19.2 h left, more than a tenth of 7 days (16.8 h)
        Assert.Same(first, week.Current());
        _clock.Advance(TimeSpan.FromHours(3)); // 16.2 h left: renewed
        Assert.NotEqual(first, week.Current());

        var shortLived = Cache(TimeSpan.FromMinutes(10));
        var sig = shortLived.Current();
        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Same(sig, shortLived.Current());
        _clock.Advance(TimeSpan.FromMinutes(1.5));
        Assert.NotEqual(sig, shortLived.Current());
    }

    [Fact]
    public void Renew_replaces_only_the_rejected_sig()
    {
        var cache = Cache(TimeSpan.FromDays(1));
        var first = cache.Current();
        _clock.Advance(TimeSpan.FromSeconds(5));
        cache.Renew(first);
        var second = cache.Current();
        Assert.NotEqual(first, second);
        cache.Renew(first); // a late 70001 for the old sig must not throw away the new one
        Assert.Same(second, cache.Current());
    }

    [Fact]
    public void Concurrent_callers_get_one_sig()
    {
        var cache = Cache(TimeSpan.FromDays(1));
        var sigs = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 64, _ => sigs.Add(cache.Current()));
        Assert.Single(sigs.Distinct());
    }
}
