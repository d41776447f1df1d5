using System;
using System.Collections.Generic;

namespace ImAdmin.Engine.Webhooks.Listener.Http
{
    /// <summary>One HTTP request as the listener's front read it: method, path, query and the whole body.</summary>
    internal sealed class RawRequest
    {
        public RawRequest(string method, string path, string query, IReadOnlyDictionary<string, string> headers)
        {
            Method = method;
            Path = path;
            Query = query;
            Headers = headers;
        }

        public string Method { get; }

        /// <summary>The path, percent-decoded as HttpListener gives it.</summary>
        public string Path { get; }

        /// <summary>The raw query string, with its leading '?' (empty when there is none).</summary>
        public string Query { get; }

        /// <summary>Header names compared case-insensitively; repeated headers joined with ", ".</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        public byte[] Body { get; set; } = Array.Empty<byte>();

        /// <summary>HTTP/1.1 without "Connection: close": the connection may carry another request.</summary>
        public bool KeepAlive { get; set; } = true;

        /// <summary>The body was larger than allowed and was not read.</summary>
        public bool TooLarge { get; set; }
    }
}
