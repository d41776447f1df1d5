using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ImAdmin.Engine.Http
{
    /// <summary>Takes rate-limit tokens before each attempt; the bucket key is chosen by the provider (usually the path).</summary>
    internal sealed class RateLimitHandler : DelegatingHandler
    {
        private readonly RateLimiter _limiter;
        private readonly Func<HttpRequestMessage, string> _key;

        public RateLimitHandler(RateLimiter limiter, Func<HttpRequestMessage, string> key)
        {
            _limiter = limiter;
            _key = key;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await _limiter.WaitAsync(_key(request), request.GetCost(), cancellationToken).ConfigureAwait(false);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
