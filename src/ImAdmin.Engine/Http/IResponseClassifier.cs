using System.Net.Http;

namespace ImAdmin.Engine.Http
{
    /// <summary>
    /// Tells the retry handler whether an answer is worth retrying. Providers that signal throttling inside a
    /// 200 body (Tencent ErrorCode 60007, Wildfire code 250) look at the body text.
    /// </summary>
    public interface IResponseClassifier
    {
        /// <summary>False when <see cref="Classify"/> looks at the status alone: the retry handler then passes an empty body instead of decoding it.</summary>
        bool ReadsBody { get; }

        ResponseClass Classify(HttpResponseMessage response, string body);
    }

    /// <summary>Status-code rules shared by every provider: 429 and 503-with-Retry-After are throttling; other 5xx are transient.</summary>
    public class HttpStatusClassifier : IResponseClassifier
    {
        public virtual bool ReadsBody => false;

        public virtual ResponseClass Classify(HttpResponseMessage response, string body)
        {
            var status = (int)response.StatusCode;
            if (status == 429) return ResponseClass.Throttled;
            if (status == 503) return response.Headers.RetryAfter != null ? ResponseClass.Throttled : ResponseClass.Transient;
            if (status == 408 || status == 500 || status == 502 || status == 504) return ResponseClass.Transient;
            return ResponseClass.Final;
        }
    }
}
