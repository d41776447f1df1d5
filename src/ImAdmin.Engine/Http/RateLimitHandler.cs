using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ImAdmin.Engine.Http
{
    /// <summary>
    /// Takes rate-limit tokens before each attempt. The provider chooses the bucket key (usually the path; null = this
    /// limit does not apply to the request) and the cost (by default the request's <see cref="RequestOptions.GetCost"/>).
    /// A throttling answer to the request is fed back to the limiter (see <see cref="RetryHandler"/>).
    /// </summary>
    internal sealed class RateLimitHandler : DelegatingHandler
    {
        private readonly RateLimiter _limiter;
        private readonly Func<HttpRequestMessage, string?> _key;
        private readonly Func<HttpRequestMessage, int> _cost;

        public RateLimitHandler(RateLimiter limiter, Func<HttpRequestMessage, string?> key, Func<HttpRequestMessage, int>? cost = null)
        {
            _limiter = limiter;
            _key = key;
            _cost = cost ?? (r => r.GetCost());
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var key = _key(request);
            if (key != null)
            {
                await _limiter.WaitAsync(key, _cost(request), cancellationToken).ConfigureAwait(false);
                request.AddThrottleFeedback(retryAfter => _limiter.Throttled(key, retryAfter));
            }
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
