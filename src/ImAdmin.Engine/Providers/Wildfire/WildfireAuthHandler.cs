using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Http;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>
    /// Signs every attempt afresh with the lowercase <c>nonce</c>, <c>timestamp</c> and <c>sign</c> headers (the server
    /// looks up only these spellings and their capitalised forms). GET /admin/health is the one route the server exempts,
    /// so it goes unsigned. An answer of code 243 (sign expired) is re-signed and sent once more: the server rejected it
    /// before doing anything, so repeating it is safe even for a message send.
    /// </summary>
    internal sealed class WildfireAuthHandler : DelegatingHandler
    {
        private static readonly string[] HeaderNames = { "nonce", "timestamp", "sign" };

        private readonly WildfireSigner _signer;

        public WildfireAuthHandler(WildfireSigner signer) => _signer = signer;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (IsHealthCheck(request) || request.IsUnsigned()) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

            var body = request.Content == null ? null : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var response = await SignedSendAsync(request, cancellationToken).ConfigureAwait(false);
            if (await WildfireEnvelope.CodeOfAsync(response).ConfigureAwait(false) != WildfireEnvelope.SignExpired) return response;

            ImLog.Verbose($"{request.Method} {request.RequestUri!.AbsolutePath}: the server says the signature expired (code 243); signing again with a fresh timestamp.");
            response.Dispose();
            using var again = RetryHandler.Clone(request, body);
            return await SignedSendAsync(again, cancellationToken).ConfigureAwait(false);
        }

        private Task<HttpResponseMessage> SignedSendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var signature = _signer.Next();
            foreach (var name in HeaderNames) request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation("nonce", signature.Nonce);
            request.Headers.TryAddWithoutValidation("timestamp", signature.Timestamp);
            request.Headers.TryAddWithoutValidation("sign", signature.Sign);
            return base.SendAsync(request, cancellationToken);
        }

        private static bool IsHealthCheck(HttpRequestMessage request) =>
            request.Method == HttpMethod.Get && string.IsNullOrEmpty(request.RequestUri!.Query) &&
            request.RequestUri.AbsolutePath.EndsWith(WildfireClient.HealthPath, StringComparison.Ordinal);
    }
}
