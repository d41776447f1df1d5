using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Http;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>
    /// Calls and route probing. The community server answers a route it has no handler for with an empty HTTP 500
    /// before any check, and a failing route can answer the same, so one 500 proves nothing: the client asks the
    /// route again without a signature. A route that exists rejects that (code 239, nothing done); a missing one
    /// answers the empty 500 again. Only repeated empty 500s to the probe mean "no such route"; a route that ever
    /// answered is remembered as existing.
    /// </summary>
    public sealed partial class WildfireClient
    {
        /// <summary>Probes per verdict: a transient failure must hit every one of them to pass for a missing route.</summary>
        private const int ProbeAttempts = 3;

        private readonly ConcurrentDictionary<string, bool> _knownRoutes = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        /// <summary>A signed POST of <paramref name="body"/> to <paramref name="path"/>: the envelope's result, or an ImException.</summary>
        internal async Task<JsonElement> CallAsync(string path, object body, RetrySafety safety, CancellationToken ct)
        {
            var result = await Http.PostJsonAsync(path, body, safety, ct).ConfigureAwait(false);
            return WildfireResponse.Read(result, await IsRouteMissingAsync(HttpMethod.Post, path, result, ct).ConfigureAwait(false));
        }

        /// <summary>GET of <paramref name="path"/> (the unsigned health route).</summary>
        private async Task<JsonElement> GetAsync(string path, CancellationToken ct)
        {
            var result = await Http.GetAsync(path, ct).ConfigureAwait(false);
            return WildfireResponse.Read(result, await IsRouteMissingAsync(HttpMethod.Get, path, result, ct).ConfigureAwait(false));
        }

        private async Task<bool> IsRouteMissingAsync(HttpMethod method, string path, HttpResult result, CancellationToken ct)
        {
            var key = method + " " + path;
            if (!IsMissingRouteSignature(result))
            {
                if (result.Status == 200) _knownRoutes[key] = true;
                return false;
            }
            if (_knownRoutes.ContainsKey(key)) return false;

            for (var probe = 1; probe <= ProbeAttempts; probe++)
            {
                HttpResult answer;
                try
                {
                    answer = await Http.ProbeAsync(method, path, ct).ConfigureAwait(false);
                }
                catch (Errors.ImException)
                {
                    return false; // a broken probe is no proof of absence: keep the failure a failure
                }
                if (!IsMissingRouteSignature(answer))
                {
                    ImLog.Verbose($"{method} {path}: an unsigned probe got HTTP {answer.Status}, so the route exists and its HTTP 500 was a failure.");
                    _knownRoutes[key] = true;
                    return false;
                }
            }
            ImLog.Verbose($"{method} {path}: {ProbeAttempts} unsigned probes all got an empty HTTP 500, the server's answer for a route it has no handler for.");
            return true;
        }

        private static bool IsMissingRouteSignature(HttpResult result) => result.Status == 500 && string.IsNullOrWhiteSpace(result.Body);
    }
}
