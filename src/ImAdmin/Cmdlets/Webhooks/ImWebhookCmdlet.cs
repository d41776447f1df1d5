using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using ImAdmin.Base;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Security;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Webhooks;

namespace ImAdmin.Cmdlets.Webhooks
{
    /// <summary>
    /// What ConvertFrom-ImWebhook and Receive-ImWebhook share: the provider, the Tencent checks (-CallbackToken,
    /// -MaxClockSkew, -SdkAppId) and how a parse result is written. They need no session: servers call them.
    /// </summary>
    public abstract class ImWebhookCmdlet : ImCmdlet
    {
        /// <summary>The server family that sent the webhooks.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public ImProvider Provider { get; set; }

        /// <summary>Tencent callback token (console: callback authentication). When given, Sign and RequestTime must check out.</summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString? CallbackToken { get; set; }

        /// <summary>How far a Tencent RequestTime may be from this computer's clock. Default 60 seconds.</summary>
        [Parameter]
        public TimeSpan MaxClockSkew { get; set; } = WebhookParseOptions.DefaultMaxClockSkew;

        /// <summary>Tencent SDKAppID: refuse callbacks whose query names another app.</summary>
        [Parameter]
        [ValidateRange(1, uint.MaxValue)]
        public long SdkAppId { get; set; }

        /// <summary>The checks to apply, after refusing parameters that do not fit the provider.</summary>
        protected WebhookParseOptions BuildParseOptions()
        {
            var tencentOnly = new List<string>();
            if (CallbackToken != null) tencentOnly.Add("-CallbackToken");
            if (MyInvocation.BoundParameters.ContainsKey(nameof(SdkAppId))) tencentOnly.Add("-SdkAppId");
            if (Provider != ImProvider.TencentCloud && tencentOnly.Count > 0)
                ThrowInvalidArgument(tencentOnly[0].TrimStart('-'),
                    $"{string.Join(" and ", tencentOnly)} {(tencentOnly.Count == 1 ? "applies" : "apply")} to TencentCloud callbacks only: {Provider} webhooks are not signed. Remove {(tencentOnly.Count == 1 ? "it" : "them")}.");
            if (MaxClockSkew <= TimeSpan.Zero)
                ThrowInvalidArgument(nameof(MaxClockSkew), $"-MaxClockSkew must be positive, e.g. (New-TimeSpan -Seconds 60); it was {MaxClockSkew}.");
            return new WebhookParseOptions
            {
                CallbackToken = CallbackToken == null ? null : new ImSecret(CallbackToken),
                MaxClockSkew = MaxClockSkew,
                SdkAppId = MyInvocation.BoundParameters.ContainsKey(nameof(SdkAppId)) ? SdkAppId : (long?)null,
            };
        }

        /// <summary>Warnings, then one error record per failed check (TargetObject <paramref name="target"/>), then the events.</summary>
        protected void WriteParsed(IEnumerable<string> warnings, IEnumerable<ImWebhookException> errors, IEnumerable<IImWebhookEvent> events, object target)
        {
            foreach (var warning in warnings) WriteWarning(warning);
            foreach (var error in errors) WriteError(ErrorRecordFor(error, target));
            foreach (var ev in events) WriteObject(ev);
        }

        private static ErrorRecord ErrorRecordFor(ImWebhookException error, object target)
        {
            var record = ErrorRecords.From(error, "ImAdmin.Webhook" + (error.Check == WebhookCheck.Body ? "Malformed" : error.Check.ToString()), target);
            record.ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = AdviceFor(error.Check) };
            return record;
        }

        private static string AdviceFor(WebhookCheck check) => check switch
        {
            WebhookCheck.Signature => "Check that -CallbackToken is the token set under callback authentication in the Tencent console, and that the query string (Sign, RequestTime) reaches this command.",
            WebhookCheck.RequestTime => "Check this computer's clock; a replayed callback fails this check on purpose. -MaxClockSkew widens the window.",
            WebhookCheck.SdkAppId => "Check -SdkAppId; the callback URL may be configured in another app.",
            WebhookCheck.Method => "Webhooks are POSTed; a browser or probe sent something else.",
            WebhookCheck.Size => "The body was larger than the listener accepts.",
            _ => "Check that -Provider and -Event match what sent the body; the body is the error's TargetObject.",
        };
    }
}
