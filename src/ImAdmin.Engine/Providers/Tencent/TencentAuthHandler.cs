using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Http;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>
    /// Puts Tencent's auth into the query string of every attempt (see docs/server-behaviour/tencent.md, 'Requests'): sdkappid, the percent-encoded admin
    /// identifier, the cached UserSig, a new random uint32 and contenttype=json. When the server answers 70001 (sig
    /// expired) the sig is renewed and the attempt is repeated once; a rejected sig means nothing was processed.
    /// </summary>
    internal sealed class TencentAuthHandler : DelegatingHandler
    {
        private readonly string _fixedQuery;
        private readonly UserSigCache _sigs;

        public TencentAuthHandler(long sdkAppId, string identifier, UserSigCache sigs)
        {
            _fixedQuery = "sdkappid=" + sdkAppId.ToString(CultureInfo.InvariantCulture) + "&identifier=" + Uri.EscapeDataString(identifier);
            _sigs = sigs;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var sig = Sign(request);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!await IsExpiredSig(response).ConfigureAwait(false)) return response;

            _sigs.Renew(sig);
            ImLog.Verbose($"TencentCloud {request.RequestUri!.AbsolutePath}: the server says the UserSig expired (70001); issued a new one, retrying once.");
            var body = request.Content == null ? null : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var again = RetryHandler.Clone(request, body);
            Sign(again);
            response.Dispose();
            return await base.SendAsync(again, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Replaces the query string with fresh auth; returns the sig used.</summary>
        private string Sign(HttpRequestMessage request)
        {
            var sig = _sigs.Current();
            var path = request.RequestUri!.GetLeftPart(UriPartial.Path);
            request.RequestUri = new Uri(path + "?" + _fixedQuery + "&usersig=" + sig +
                                         "&random=" + TencentRandom.Next().ToString(CultureInfo.InvariantCulture) + "&contenttype=json");
            return sig;
        }

        private static async Task<bool> IsExpiredSig(HttpResponseMessage response)
        {
            if ((int)response.StatusCode != 200 || response.Content == null) return false;
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return TencentResponse.ErrorCodeOf(text) == TencentErrorCodes.SigExpired;
        }
    }
}
