using System;
using ImAdmin.Engine.Security;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>
    /// The admin UserSig of one session: issued on first use, reused, and renewed well before it expires (see
    /// docs/server-behaviour/tencent.md, 'UserSig') — once less than a tenth of its lifetime or an hour remains, but never later than half-life, so even a
    /// short-lived sig is reused. Thread-safe; the clock is injected so tests can move time.
    /// </summary>
    internal sealed class UserSigCache
    {
        private readonly object _gate = new object();
        private readonly long _sdkAppId;
        private readonly string _identifier;
        private readonly ImSecret _key;
        private readonly TimeSpan _lifetime;
        private readonly TimeSpan _renewMargin;
        private readonly Func<DateTimeOffset> _clock;
        private string? _sig;
        private DateTimeOffset _expiresAt;

        public UserSigCache(long sdkAppId, string identifier, ImSecret key, TimeSpan lifetime, Func<DateTimeOffset> clock)
        {
            _sdkAppId = sdkAppId;
            _identifier = identifier;
            _key = key;
            _lifetime = lifetime;
            _clock = clock;
            var margin = TimeSpan.FromTicks(Math.Max(lifetime.Ticks / 10, TimeSpan.FromHours(1).Ticks));
            _renewMargin = margin < TimeSpan.FromTicks(lifetime.Ticks / 2) ? margin : TimeSpan.FromTicks(lifetime.Ticks / 2);
        }

        /// <summary>The sig to send now.</summary>
        public string Current()
        {
            lock (_gate)
            {
                var now = _clock();
                if (_sig == null || _expiresAt - now < _renewMargin) Issue(now);
                return _sig!;
            }
        }

        /// <summary>
        /// The server said <paramref name="rejected"/> has expired (70001): issue a new one, unless a concurrent call
        /// already replaced it.
        /// </summary>
        public void Renew(string rejected)
        {
            lock (_gate)
            {
                if (string.Equals(_sig, rejected, StringComparison.Ordinal)) Issue(_clock());
            }
        }

        /// <summary>A UserSig for another identifier, signed with the session's key (New-ImUserSig).</summary>
        public string IssueFor(string identifier, DateTimeOffset issuedAt, TimeSpan lifetime) =>
            UserSig.Generate(_sdkAppId, _key.Reveal(), identifier, issuedAt, lifetime);

        private void Issue(DateTimeOffset now)
        {
            _sig = IssueFor(_identifier, now, _lifetime);
            _expiresAt = now + _lifetime;
        }
    }
}
