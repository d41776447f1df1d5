using System.Net;
using System.Net.Http;
using ImAdmin.Engine.Http;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>
    /// Wildfire reports throttling and transient failures inside HTTP 200 bodies (see docs/server-behaviour/wildfire.md, 'Rate limiting', 'Retries'):
    /// 250 is throttling, checked before auth, so the call was never processed and is always retried;
    /// 249 (the IM core gave no answer in 5 s), 4 (server error) and 238 (user not prepared) are transient, and
    /// the retry handler repeats them only for idempotent calls. HTTP 500 is the server's answer for a route it
    /// has no handler for or a body it could not handle: repeating it cannot help.
    /// </summary>
    internal sealed class WildfireResponseClassifier : HttpStatusClassifier
    {
        public override bool ReadsBody => true;

        public override ResponseClass Classify(HttpResponseMessage response, string body)
        {
            if (response.StatusCode == HttpStatusCode.InternalServerError) return ResponseClass.Final;
            switch (WildfireEnvelope.CodeOf(response.StatusCode, body))
            {
                case WildfireEnvelope.OverFrequency:
                    return ResponseClass.Throttled;
                case WildfireEnvelope.CoreTimeout:
                case WildfireEnvelope.ServerError:
                case WildfireEnvelope.UserNotPrepared:
                    return ResponseClass.Transient;
                case null:
                    return base.Classify(response, body);
                default:
                    return ResponseClass.Final;
            }
        }
    }
}
