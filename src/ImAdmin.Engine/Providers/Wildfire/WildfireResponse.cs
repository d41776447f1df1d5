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
    /// a route the server has no handler for (a professional-edition route on a community server) is an empty HTTP 500.
    /// </summary>
    internal static class WildfireResponse
    {
        public const string ProfessionalEditionHint = "requires the WildfireChat professional edition or a newer server";

        /// <summary>The envelope's <c>result</c>: an object, an array, a string, or <see cref="JsonValueKind.Undefined"/> when absent.</summary>
        public static JsonElement Read(HttpResult result)
        {
            if (result.Status == 500)
                throw string.IsNullOrWhiteSpace(result.Body)
                    ? Fail(result, ImErrorKind.NotSupported, null, null,
                        $"{result.Request} {ProfessionalEditionHint}: this server has no such route (HTTP 500 with an empty body).")
                    : Fail(result, ImErrorKind.ServerError, null, null,
                        $"WildfireChat could not handle {result.Request} (HTTP 500): {Trim(result.Body)}");
            if (result.Status == 401)
                throw Fail(result, ImErrorKind.Authentication, null, null,
                    $"WildfireChat rejected the signature of {result.Request} (HTTP 401): check -Secret against the server's http.admin.secret_key.");
            if (result.Status != 200)
                throw Fail(result, result.Status >= 500 ? ImErrorKind.Unavailable : ImErrorKind.Unknown, null, null,
                    $"WildfireChat answered {result.Request} with HTTP {result.Status}" + (result.Status >= 500 ? " (from the server or a proxy in front of it); the call may or may not have been carried out." : ".") +
                    (string.IsNullOrWhiteSpace(result.Body) ? string.Empty : " " + Trim(result.Body)),
                    outcomeUnknown: result.Status >= 500);

            if (!ImJson.TryParse(result.Body, out var envelope) || envelope.GetInt("code") is not int code)
                throw Fail(result, ImErrorKind.ServerError, null, null,
                    $"WildfireChat answered {result.Request} with something other than a {{code,msg,result}} envelope: {Trim(result.Body)}");

            if (code == WildfireEnvelope.Success || code == WildfireEnvelope.SuccessGzipped)
                return envelope.TryGetProperty("result", out var value) ? value : default;

            var msg = envelope.GetString("msg");
            var (kind, explanation) = WildfireErrorCodes.Describe(code);
            throw Fail(result, kind, code, msg, $"WildfireChat {result.Request} failed: {explanation} (code {code}: {msg ?? "no message"}).",
                outcomeUnknown: code == WildfireEnvelope.CoreTimeout);
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
