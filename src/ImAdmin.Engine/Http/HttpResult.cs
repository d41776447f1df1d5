namespace ImAdmin.Engine.Http
{
    /// <summary>A buffered answer: status, body text and a redacted label of the call for error messages.</summary>
    public sealed class HttpResult
    {
        public HttpResult(int status, string body, string? contentType, string request, bool mayHaveActed = false)
        {
            Status = status;
            Body = body;
            ContentType = contentType;
            Request = request;
            MayHaveActed = mayHaveActed;
        }

        public int Status { get; }
        public string Body { get; }
        public string? ContentType { get; }

        /// <summary>Method and path, without query string (it may hold a UserSig).</summary>
        public string Request { get; }

        /// <summary>
        /// A failure answer after which the server may still have carried the call out (a 5xx or 408 to a call that
        /// changes state, other than a throttling 503 with Retry-After): its outcome is unknown.
        /// </summary>
        public bool MayHaveActed { get; }

        public bool IsJson => ContentType != null && ContentType.IndexOf("json", System.StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
