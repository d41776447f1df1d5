using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ImAdmin.Engine.Json;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>
    /// The <c>{code,msg,result}</c> envelope every handled admin call answers with, HTTP 200 even for failures
    /// (see docs/server-behaviour/wildfire.md, 'Envelope and errors'), and the codes the pipeline itself acts on.
    /// </summary>
    internal static class WildfireEnvelope
    {
        public const int Success = 0;
        public const int ServerError = 4;
        public const int UserNotPrepared = 238;
        public const int SignExpired = 243;
        public const int CoreTimeout = 249;
        public const int OverFrequency = 250;

        /// <summary>An internal success variant that should not reach HTTP clients; treated as success if it does.</summary>
        public const int SuccessGzipped = 255;

        /// <summary>The envelope code of a 200 answer, or null when the answer is not an envelope.</summary>
        public static int? CodeOf(HttpStatusCode status, string body) =>
            status == HttpStatusCode.OK && ImJson.TryParse(body, out var json) ? json.GetInt("code") : null;

        public static async Task<int?> CodeOfAsync(HttpResponseMessage response) =>
            response.Content == null ? null : CodeOf(response.StatusCode, await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }
}
