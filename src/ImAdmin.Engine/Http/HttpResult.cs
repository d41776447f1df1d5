namespace ImAdmin.Engine.Http
{
    /// <summary>A buffered answer: status, body text and a redacted label of the call for error messages.</summary>
    public sealed class HttpResult
    {
        public HttpResult(int status, string body, string? contentType, string request)
        {
            Status = status;
            Body = body;
            ContentType = contentType;
            Request = request;
        }

        public int Status { get; }
        public string Body { get; }
        public string? ContentType { get; }

        /// <summary>Method and path, without query string (it may hold a UserSig).</summary>
        public string Request { get; }

        public bool IsJson => ContentType != null && ContentType.IndexOf("json", System.StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
