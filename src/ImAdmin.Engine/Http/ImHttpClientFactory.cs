using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;

namespace ImAdmin.Engine.Http
{
    /// <summary>What a provider plugs into the shared pipeline.</summary>
    internal sealed class PipelineOptions
    {
        public PipelineOptions(string providerName, Uri baseUri, RetryPolicy retryPolicy, IResponseClassifier classifier)
        {
            ProviderName = providerName;
            BaseUri = baseUri;
            RetryPolicy = retryPolicy;
            Classifier = classifier;
        }

        public string ProviderName { get; }
        public Uri BaseUri { get; }
        public RetryPolicy RetryPolicy { get; }
        public IResponseClassifier Classifier { get; }

        /// <summary>Adds the provider's credentials to each attempt (so each retry is signed afresh).</summary>
        public DelegatingHandler? Auth { get; set; }

        public RateLimiter? RateLimiter { get; set; }

        public Func<HttpRequestMessage, string> RateLimitKey { get; set; } = r => r.RequestUri!.AbsolutePath;

        /// <summary>
        /// Further limits with their own key and cost, for providers with more than one budget per API
        /// (Tencent batchsendmsg: calls per second and recipients per minute).
        /// </summary>
        public List<RateLimitHandler> RateLimits { get; } = new List<RateLimitHandler>();

        /// <summary>The transport; tests may pass their own. Defaults to <see cref="HttpClientHandler"/>.</summary>
        public HttpMessageHandler? PrimaryHandler { get; set; }
    }

    /// <summary>
    /// Builds the one HttpClient a session owns: logging → retry → rate limit → auth → transport.
    /// Auth sits inside retry so that every attempt gets a fresh signature, nonce or random.
    /// </summary>
    internal static class ImHttpClientFactory
    {
        public static HttpClient Create(PipelineOptions options)
        {
            HttpMessageHandler handler = options.PrimaryHandler ?? new HttpClientHandler
            {
                // Redirects would carry custom auth headers (WuKongIM token) to wherever they point.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
            if (options.Auth != null)
            {
                options.Auth.InnerHandler = handler;
                handler = options.Auth;
            }
            foreach (var limit in options.RateLimits)
            {
                limit.InnerHandler = handler;
                handler = limit;
            }
            if (options.RateLimiter != null)
                handler = new RateLimitHandler(options.RateLimiter, options.RateLimitKey) { InnerHandler = handler };
            handler = new RetryHandler(options.RetryPolicy, options.Classifier) { InnerHandler = handler };
            handler = new LoggingHandler(options.ProviderName) { InnerHandler = handler };

            var baseUri = options.BaseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal)
                ? options.BaseUri
                : new Uri(options.BaseUri.AbsoluteUri + "/");
            return new HttpClient(handler, disposeHandler: true)
            {
                BaseAddress = baseUri,
                // Per-attempt timeouts and the total budget live in RetryHandler.
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };
        }
    }
}
