using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Webhooks.Listener
{
    /// <summary>
    /// What the listener answers. WuKongIM and Wildfire count only HTTP 200 as success; Tencent also needs the JSON
    /// envelope, and its before-callbacks are allowed: every friend request gets ResultCode 0, no invitee is refused
    /// and message bodies are left unchanged (see docs/server-behaviour/tencent.md, 'Callbacks').
    /// </summary>
    internal readonly struct WebhookAnswer
    {
        private WebhookAnswer(int status, string body, string contentType)
        {
            Status = status;
            Body = body;
            ContentType = contentType;
        }

        public int Status { get; }
        public string Body { get; }
        public string ContentType { get; }

        public static WebhookAnswer For(ImProvider provider, WebhookParseResult parsed)
        {
            var failure = parsed.Errors.FirstOrDefault(e => e.IsRejection) ?? (parsed.Unreadable ? parsed.Errors[0] : null);
            if (failure != null) return Refuse(provider, StatusOf(failure.Check), failure.Message);
            if (provider != ImProvider.TencentCloud) return new WebhookAnswer(200, string.Empty, "text/plain");
            var reply = new TencentReply { ResultItem = FriendResults(parsed.Events) };
            return new WebhookAnswer(200, ImJson.Serialize(reply), "application/json");
        }

        public static WebhookAnswer Refuse(ImProvider provider, int status, string reason) =>
            provider == ImProvider.TencentCloud
                ? new WebhookAnswer(status, ImJson.Serialize(new TencentReply { ActionStatus = "FAIL", ErrorCode = 1, ErrorInfo = reason }), "application/json")
                : new WebhookAnswer(status, reason, "text/plain; charset=utf-8");

        public static int StatusOf(WebhookCheck check) => check switch
        {
            WebhookCheck.Signature or WebhookCheck.RequestTime => 401,
            WebhookCheck.SdkAppId => 403,
            WebhookCheck.Method => 405,
            WebhookCheck.Size => 413,
            WebhookCheck.Capacity => 503,
            _ => 400,
        };

        private static List<TencentFriendResult>? FriendResults(IEnumerable<IImWebhookEvent> events)
        {
            var users = events.SelectMany(e => e switch
            {
                TencentBeforeFriendAddEvent add => add.Friends.Select(f => f.UserId),
                TencentBeforeFriendResponseEvent response => response.Responses.Select(r => r.UserId),
                _ => Enumerable.Empty<string>(),
            }).ToList();
            return users.Count == 0 ? null : users.Select(u => new TencentFriendResult { UserId = u }).ToList();
        }

        private sealed class TencentReply
        {
            public string ActionStatus { get; set; } = "OK";
            public int ErrorCode { get; set; }
            public string ErrorInfo { get; set; } = string.Empty;
            public List<TencentFriendResult>? ResultItem { get; set; }
        }

        private sealed class TencentFriendResult
        {
            [JsonPropertyName("To_Account")]
            public string UserId { get; set; } = string.Empty;
            public int ResultCode { get; set; }
            public string ResultInfo { get; set; } = string.Empty;
        }
    }
}
