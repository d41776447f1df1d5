using System;
using System.Collections.Generic;
using System.Text.Json;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>
    /// The Tencent envelope (see docs/server-behaviour/tencent.md, 'Envelope'): HTTP 200 for every API-level outcome, and <c>ActionStatus</c> /
    /// <c>ErrorCode</c> / <c>ErrorInfo</c> in the body. Success is ErrorCode 0; anything else becomes an
    /// <see cref="ImException"/> that keeps the server's code and text.
    /// </summary>
    internal static class TencentResponse
    {
        /// <summary>The body of a successful answer to <paramref name="api"/> (service/command).</summary>
        public static JsonElement Read(HttpResult result, string api)
        {
            if (result.Status != 200)
                throw new ImException(result.Status >= 500 ? ImErrorKind.Unavailable : ImErrorKind.ServerError,
                    $"Tencent Cloud IM answered {api} with HTTP {result.Status} (a network or gateway fault; API errors come with HTTP 200)." +
                    (result.MayHaveActed ? UnknownOutcome.Explanation : string.Empty))
                {
                    Provider = ImProvider.TencentCloud,
                    HttpStatus = result.Status,
                    Request = result.Request,
                    OutcomeUnknown = result.MayHaveActed,
                };
            if (!ImJson.TryParse(result.Body, out var body) || body.ValueKind != JsonValueKind.Object)
                throw new ImException(ImErrorKind.ServerError, $"Tencent Cloud IM answered {api} with a body that is not a JSON envelope.")
                {
                    Provider = ImProvider.TencentCloud,
                    HttpStatus = result.Status,
                    Request = result.Request,
                };

            var requestId = body.GetString("RequestId");
            if (requestId != null) ImLog.Debug($"TencentCloud {api} RequestId {requestId}");
            var code = body.GetInt("ErrorCode");
            if (code == 0 && body.GetString("ActionStatus") != "FAIL") return body;
            throw Failure(code ?? -1, body.GetString("ErrorInfo"), api, result);
        }

        /// <summary>An error for ErrorCode <paramref name="code"/> of a whole call.</summary>
        public static ImException Failure(int code, string? errorInfo, string api, HttpResult result)
        {
            // Our wording first (the server's ErrorInfo is often terse), then the server's own text for support tickets.
            var meaning = TencentErrorCodes.Describe(code);
            var server = string.IsNullOrWhiteSpace(errorInfo) ? $"ErrorCode {code}" : $"ErrorCode {code}: {errorInfo!.Trim()}";
            // An internal error or timeout inside Tencent may come after the message was stored.
            var unknown = meaning.Retry == ResponseClass.Transient;
            var message = $"Tencent Cloud IM {api} failed: {meaning.Text} ({server})." + (meaning.Hint == null ? string.Empty : " " + meaning.Hint) +
                          (unknown ? UnknownOutcome.Explanation : string.Empty);
            return new ImException(meaning.Kind, message)
            {
                Provider = ImProvider.TencentCloud,
                HttpStatus = result.Status,
                ServerCode = code,
                ServerMessage = errorInfo,
                Request = result.Request,
                OutcomeUnknown = unknown,
            };
        }

        /// <summary>
        /// An error for one item of a partly successful call (an ErrorList entry): <paramref name="subject"/> names the
        /// item, e.g. "user 'bob'".
        /// </summary>
        public static ImException ItemFailure(int code, string subject, string api)
        {
            var meaning = TencentErrorCodes.Describe(code);
            var message = $"Tencent Cloud IM {api} failed for {subject}: {meaning.Text} (ErrorCode {code})." + (meaning.Hint == null ? string.Empty : " " + meaning.Hint);
            return new ImException(meaning.Kind, message)
            {
                Provider = ImProvider.TencentCloud,
                ServerCode = code,
                Request = "POST /v4/" + api,
            };
        }

        /// <summary>The ErrorList entries of an answer: the account each names (under <paramref name="keyName"/>) and its ErrorCode.</summary>
        public static IEnumerable<(string Key, int Code)> ErrorList(JsonElement answer, string keyName)
        {
            if (!answer.TryGetProperty("ErrorList", out var list) || list.ValueKind != JsonValueKind.Array) yield break;
            foreach (var item in list.EnumerateArray())
            {
                var key = item.GetString(keyName);
                if (key != null) yield return (key, item.GetInt("ErrorCode") ?? -1);
            }
        }

        /// <summary>The ErrorCode of a body, or null when it has none (not JSON, or not an envelope).</summary>
        public static int? ErrorCodeOf(string body) =>
            ImJson.TryParse(body, out var json) ? json.GetInt("ErrorCode") : null;

        public static DateTimeOffset? GetUnixTime(this JsonElement obj, string name)
        {
            var seconds = obj.GetLong(name);
            return seconds.HasValue ? DateTimeOffset.FromUnixTimeSeconds(seconds.Value) : (DateTimeOffset?)null;
        }
    }
}
