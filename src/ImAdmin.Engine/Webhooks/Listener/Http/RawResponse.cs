using System;
using System.Collections.Generic;

namespace ImAdmin.Engine.Webhooks.Listener.Http
{
    /// <summary>What the front writes back: status, content type, body and any extra headers.</summary>
    internal sealed class RawResponse
    {
        public RawResponse(int status, string contentType, byte[] body)
        {
            Status = status;
            ContentType = contentType;
            Body = body;
        }

        public int Status { get; }
        public string ContentType { get; }
        public byte[] Body { get; }
        public List<KeyValuePair<string, string>> Headers { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>Run once the answer was written (or the sender hung up first): the request is only handed on then.</summary>
        public Action? Answered { get; set; }
    }
}
