using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Webhooks
{
    /// <summary>Which check a webhook failed.</summary>
    public enum WebhookCheck
    {
        /// <summary>The body is not JSON, or not the shape its event has.</summary>
        Body,
        /// <summary>Tencent Sign is missing or does not match the callback token.</summary>
        Signature,
        /// <summary>Tencent RequestTime is missing, not a number, or too far from now.</summary>
        RequestTime,
        /// <summary>Tencent SdkAppid is missing or another app's.</summary>
        SdkAppId,
        /// <summary>The request was not a POST (listener).</summary>
        Method,
        /// <summary>The body was larger than the listener accepts.</summary>
        Size,
        /// <summary>The listener's queue was full, so the request was turned away for the server to send again.</summary>
        Capacity,
    }

    /// <summary>A webhook that was refused or could not be read; the message says which check failed and why.</summary>
    public sealed class ImWebhookException : ImException
    {
        public ImWebhookException(ImProvider provider, WebhookCheck check, string message)
            : base(KindOf(check), message)
        {
            Provider = provider;
            Check = check;
            ParameterName = check switch
            {
                WebhookCheck.Body => "Body",
                WebhookCheck.SdkAppId => "SdkAppId",
                WebhookCheck.Signature or WebhookCheck.RequestTime => "CallbackToken",
                _ => null,
            };
        }

        public WebhookCheck Check { get; }

        /// <summary>True when the sender could not be trusted (as opposed to a body that could not be read).</summary>
        public bool IsRejection => Check is WebhookCheck.Signature or WebhookCheck.RequestTime or WebhookCheck.SdkAppId;

        private static ImErrorKind KindOf(WebhookCheck check) => check switch
        {
            WebhookCheck.Body => ImErrorKind.InvalidArgument,
            WebhookCheck.SdkAppId => ImErrorKind.PermissionDenied,
            WebhookCheck.Method or WebhookCheck.Size => ImErrorKind.InvalidArgument,
            WebhookCheck.Capacity => ImErrorKind.Unavailable,
            _ => ImErrorKind.Authentication,
        };
    }
}
