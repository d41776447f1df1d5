using System;
using System.Net.Http;

namespace ImAdmin.Engine.Http
{
    /// <summary>Reads Retry-After in both of its forms: delta seconds and an HTTP date.</summary>
    public static class RetryAfter
    {
        public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
        {
            var header = response.Headers.RetryAfter;
            if (header == null) return null;
            if (header.Delta.HasValue) return header.Delta.Value < TimeSpan.Zero ? TimeSpan.Zero : header.Delta.Value;
            if (header.Date.HasValue)
            {
                var wait = header.Date.Value - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
            return null;
        }
    }
}
