using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Http
{
    /// <summary>
    /// Sends one logical call through a session's HttpClient and turns transport failures into
    /// <see cref="ImException"/>s that say whether the server may have acted. Envelope parsing is the provider's.
    /// </summary>
    internal sealed class ProviderHttp : IDisposable
    {
        private readonly HttpClient _client;

        public ProviderHttp(ImProvider provider, HttpClient client)
        {
            Provider = provider;
            _client = client;
        }

        public ImProvider Provider { get; }

        public Uri BaseAddress => _client.BaseAddress!;

        public Task<HttpResult> PostJsonAsync(string path, object body, RetrySafety safety, CancellationToken ct, int cost = 1) =>
            SendAsync(HttpMethod.Post, path, ImJson.Serialize(body), safety, ct, cost);

        public Task<HttpResult> GetAsync(string path, CancellationToken ct) =>
            SendAsync(HttpMethod.Get, path, null, RetrySafety.Idempotent, ct);

        /// <summary>
        /// <paramref name="path"/> sent without the provider's signature, for route probes: the server rejects it before
        /// doing anything, and only throttling is retried.
        /// </summary>
        public Task<HttpResult> ProbeAsync(HttpMethod method, string path, CancellationToken ct) =>
            SendAsync(method, path, method == HttpMethod.Get ? null : "{}", RetrySafety.NotProcessedOnly, ct, unsigned: true);

        public async Task<HttpResult> SendAsync(HttpMethod method, string path, string? json, RetrySafety safety, CancellationToken ct, int cost = 1, bool unsigned = false)
        {
            // Relative to the base address, so a reverse-proxy prefix in -Uri is kept.
            var relative = path.TrimStart('/');
            var label = method + " /" + relative.Split('?')[0];
            using var request = new HttpRequestMessage(method, new Uri(relative, UriKind.Relative));
            if (json != null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            request.SetRetrySafety(safety);
            request.SetCost(cost);
            if (unsigned) request.SetUnsigned();
            try
            {
                using var response = await _client.SendAsync(request, ct).ConfigureAwait(false);
                var text = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                return new HttpResult((int)response.StatusCode, text, response.Content?.Headers.ContentType?.MediaType, label, MayHaveActed(method, response));
            }
            catch (HttpRequestException ex)
            {
                var refused = RetryHandler.IsConnectFailure(ex);
                throw new ImException(ImErrorKind.ConnectionFailed, refused
                    ? $"{Provider} server at {BaseAddress} could not be reached ({label}): {Innermost(ex).Message}"
                    : $"The connection to the {Provider} server at {BaseAddress} broke during {label}: {Innermost(ex).Message}." + (method == HttpMethod.Get ? string.Empty : UnknownOutcome.Explanation), ex)
                {
                    Provider = Provider,
                    Request = label,
                    OutcomeUnknown = !refused,
                };
            }
            catch (TimeoutException ex)
            {
                throw new ImException(ImErrorKind.Timeout, $"{Provider} server at {BaseAddress} did not answer in time ({label})." + (method == HttpMethod.Get ? string.Empty : UnknownOutcome.Explanation), ex)
                {
                    Provider = Provider,
                    Request = label,
                    OutcomeUnknown = true,
                };
            }
        }

        /// <summary>A 5xx or 408 to anything but a GET, unless it is a 503 with Retry-After (throttled before processing).</summary>
        private static bool MayHaveActed(HttpMethod method, HttpResponseMessage response)
        {
            var status = (int)response.StatusCode;
            if (method == HttpMethod.Get || (status < 500 && status != 408)) return false;
            return !(status == 503 && response.Headers.RetryAfter != null);
        }

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex;
        }

        public void Dispose() => _client.Dispose();
    }
}
