using System;
using System.Net.Http;
using System.Net.Http.Headers;
using ImAdmin.Engine.Http;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>
    /// Tencent reports throttling and transient faults inside HTTP 200 bodies, so the retry handler is told by
    /// ErrorCode (see docs/server-behaviour/tencent.md, 'Error codes'): 60007/60011/60018/60019 are throttling, 70050 too but with a wait of at least
    /// 60 s, and the internal/timeout codes are transient. Non-200 answers follow the shared status rules.
    /// </summary>
    internal sealed class TencentResponseClassifier : HttpStatusClassifier
    {
        private static readonly TimeSpan SigLockout = TimeSpan.FromSeconds(60);

        public override bool ReadsBody => true;

        public override ResponseClass Classify(HttpResponseMessage response, string body)
        {
            if ((int)response.StatusCode != 200) return base.Classify(response, body);
            var code = TencentResponse.ErrorCodeOf(body);
            if (!code.HasValue || code.Value == 0) return ResponseClass.Final;
            // The retry handler waits at least as long as Retry-After says; Tencent states the 70050 lockout only in its docs.
            if (code.Value == TencentErrorCodes.TooManySigFailures && response.Headers.RetryAfter == null)
                response.Headers.RetryAfter = new RetryConditionHeaderValue(SigLockout);
            return TencentErrorCodes.Describe(code.Value).Retry;
        }
    }
}
