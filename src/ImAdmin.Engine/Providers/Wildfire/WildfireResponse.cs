using System.Text.Json;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>
    /// Turns a Wildfire answer into its <c>result</c> or an <see cref="ImException"/> that keeps the server's code and
    /// message. Failures arrive as HTTP 200 with a non-zero code (auth failures included, although the docs say 401);
    /// a route the server has no handler for (a professional-edition route on a community server) is an empty HTTP 500,
    /// which a transient failure can look like, so the client probes before calling a route missing.
    /// </summary>
    internal static class WildfireResponse
    {
        public const string ProfessionalEditionHint = "requires the WildfireChat professional edition or a newer server";

        /// <summary>
        /// The envelope's <c>result</c>: an object, an array, a string, or <see cref="JsonValueKind.Undefined"/> when absent.
        /// <paramref name="routeMissing"/> is the verdict of a probe (<see cref="WildfireClient"/>): only then is an
        /// empty HTTP 500 read as "this server has no such route"; otherwise it is a failure of a route that exists.
        /// </summary>
        public static JsonElement Read(HttpResult result, bool routeMissing = false)
        {
            if (result.Status == 500 && routeMissing)
                throw Fail(result, ImErrorKind.NotSupported, null, null,
                    $"{result.Request} {ProfessionalEditionHint}: this server has no such route (it answers HTTP 500 with an empty body even to an unsigned request, before any check).");
            if (result.Status == 500)
                throw Fail(result, ImErrorKind.ServerError, null, null,
                    $"WildfireChat failed on {result.Request} (HTTP 500" + (string.IsNullOrWhiteSpace(result.Body) ? ", empty body" : ": " + Trim(result.Body)) + ")." +
                    (result.MayHaveActed ? UnknownOutcome.Explanation : string.Empty),
                    outcomeUnknown: result.MayHaveActed);
            if (result.Status == 401)
                throw Fail(result, ImErrorKind.Authentication, null, null,
                    $"WildfireChat rejected the signature of {result.Request} (HTTP 401): check -Secret against the server's http.admin.secret_key.");
            if (result.Status != 200)
                throw Fail(result, result.Status >= 500 ? ImErrorKind.Unavailable : ImErrorKind.Unknown, null, null,
                    $"WildfireChat answered {result.Request} with HTTP {result.Status}" + (result.Status >= 500 ? " (from the server or a proxy in front of it)." : ".") +
                    (string.IsNullOrWhiteSpace(result.Body) ? string.Empty : " " + Trim(result.Body)) +
                    (result.MayHaveActed ? UnknownOutcome.Explanation : string.Empty),
                    outcomeUnknown: result.MayHaveActed);

            if (!ImJson.TryParse(result.Body, out var envelope) || envelope.GetInt("code") is not int code)
                throw Fail(result, ImErrorKind.ServerError, null, null,
                    $"WildfireChat answered {result.Request} with something other than a {{code,msg,result}} envelope: {Trim(result.Body)}");

            if (code == WildfireEnvelope.Success || code == WildfireEnvelope.SuccessGzipped)
                return envelope.TryGetProperty("result", out var value) ? value : default;

            var msg = envelope.GetString("msg");
            var (kind, explanation) = WildfireErrorCodes.Describe(code);
            // 249: the IM core did not answer in time; 4: an exception inside the handler. Either may follow the act.
            var unknown = code == WildfireEnvelope.CoreTimeout || code == WildfireEnvelope.ServerError;
            throw Fail(result, kind, code, msg, $"WildfireChat {result.Request} failed: {explanation} (code {code}: {msg ?? "no message"})." +
                (unknown ? UnknownOutcome.Explanation : string.Empty),
                outcomeUnknown: unknown);
        }

        private static ImException Fail(HttpResult result, ImErrorKind kind, int? code, string? serverMessage, string message, bool outcomeUnknown = false) =>
            new ImException(kind, message)
            {
                Provider = ImProvider.Wildfire,
                HttpStatus = result.Status,
                ServerCode = code,
                ServerMessage = serverMessage,
                Request = result.Request,
                OutcomeUnknown = outcomeUnknown,
            };

        private static string Trim(string body) => body.Length <= 300 ? body : body.Substring(0, 300) + "…";
    }
}
