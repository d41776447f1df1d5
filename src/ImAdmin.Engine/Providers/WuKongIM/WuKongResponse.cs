using System.Text.Json;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>
    /// WuKongIM's four envelope styles (see docs/server-behaviour/wukongim.md, 'Answer envelopes'): failures are HTTP 400 <c>{msg,status}</c>, an empty 401 for a
    /// bad token, a text/plain 404 for an unknown route, and also HTTP 200 with a body <c>status</c> other than 200
    /// (not found, banned, disbanded). This turns every failure into an <see cref="ImException"/> with the server's code.
    /// </summary>
    internal static class WuKongResponse
    {
        /// <summary>Reason codes that /user/token reports inside a 200 (see docs/server-behaviour/wukongim.md, 'Reason codes and header flags').</summary>
        private const int ReasonBan = 19;
        private const int ReasonDisband = 24;

        /// <summary>The JSON body of a successful answer (JSON null for an empty or null body).</summary>
        public static JsonElement Read(HttpResult result)
        {
            if (result.Status == 401)
                throw Fail(result, ImErrorKind.Authentication, null,
                    "WuKongIM rejected the manager token (HTTP 401). Pass the server's managerToken with -Token, -Credential or IMADMIN_TOKEN.");

            ImJson.TryParse(result.Body, out var body);
            var status = body.GetInt("status");
            var msg = body.GetString("msg");

            if (result.Status == 404 && !result.IsJson)
                throw Fail(result, ImErrorKind.NotSupported, null,
                    $"This WuKongIM server has no {result.Request} endpoint (HTTP 404); it may be an older or newer server version.");
            if (result.Status == 400)
            {
                var kind = status switch
                {
                    404 => ImErrorKind.NotSupported, // plugin routes: "plugin not found"
                    503 => ImErrorKind.Unavailable,  // plugin offline
                    _ => ImErrorKind.InvalidArgument,
                };
                throw Fail(result, kind, status, $"WuKongIM refused {result.Request}: {msg ?? result.Body} (status {status?.ToString() ?? "400"}).", msg);
            }
            if (result.Status != 200)
                throw Fail(result, result.Status >= 500 ? ImErrorKind.ServerError : ImErrorKind.Unknown, status,
                    $"WuKongIM answered {result.Request} with HTTP {result.Status}: {msg ?? Trim(result.Body)}." +
                    (result.MayHaveActed ? UnknownOutcome.Explanation : string.Empty), msg);

            if (status.HasValue && status.Value != 200)
            {
                var (kind, text) = status.Value switch
                {
                    404 => (ImErrorKind.NotFound, "not found"),
                    ReasonBan => (ImErrorKind.InvalidState, "the user's person channel is banned"),
                    ReasonDisband => (ImErrorKind.InvalidState, "the user's person channel is disbanded"),
                    _ => (ImErrorKind.ServerError, msg ?? "failed"),
                };
                throw Fail(result, kind, status, $"WuKongIM {result.Request}: {text} (status {status.Value}).", msg);
            }
            return body;
        }

        /// <summary>The answer as <typeparamref name="T"/> when it is of the expected JSON kind; otherwise an empty <typeparamref name="T"/> (the server answers null or a bare status for "nothing").</summary>
        public static T As<T>(JsonElement body, JsonValueKind kind) where T : new() =>
            body.ValueKind == kind ? body.Deserialize<T>(ImJson.Options)! : new T();

        /// <summary>The <c>data</c> of a {status,data} envelope, or null when there is none.</summary>
        public static T? Data<T>(JsonElement body) where T : class =>
            body.ValueKind == JsonValueKind.Object && body.TryGetProperty("data", out var data) ? data.Deserialize<T>(ImJson.Options) : null;

        /// <summary>
        /// HTTP 200 to a send, but no answer to read (an empty body, or not the object the route answers): the server
        /// may have stored the messages, so their outcome is unknown, never success.
        /// </summary>
        public static ImException NoAnswer(string request) =>
            new ImException(ImErrorKind.Unknown, $"WuKongIM answered {request} with HTTP 200 but without the expected body." + UnknownOutcome.Explanation)
            {
                Provider = ImProvider.WuKongIM,
                HttpStatus = 200,
                Request = request,
                OutcomeUnknown = true,
            };

        /// <summary>
        /// A server failure told more clearly: another kind and message, keeping the server's code, message, the
        /// request and whether the outcome is unknown (and the original as the inner exception).
        /// </summary>
        public static ImException Restate(ImException ex, ImErrorKind kind, string message, string? parameterName = null) =>
            new ImException(kind, message, ex)
            {
                Provider = ex.Provider,
                HttpStatus = ex.HttpStatus,
                ServerCode = ex.ServerCode,
                ServerMessage = ex.ServerMessage,
                Request = ex.Request,
                ParameterName = parameterName,
                OutcomeUnknown = ex.OutcomeUnknown,
            };

        private static ImException Fail(HttpResult result, ImErrorKind kind, int? code, string message, string? serverMessage = null) =>
            new ImException(kind, message)
            {
                Provider = ImProvider.WuKongIM,
                HttpStatus = result.Status,
                ServerCode = code,
                ServerMessage = serverMessage,
                Request = result.Request,
                OutcomeUnknown = result.MayHaveActed,
            };

        private static string Trim(string body) => body.Length <= 200 ? body : body.Substring(0, 200) + "…";
    }
}
