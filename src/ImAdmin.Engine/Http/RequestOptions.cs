using System;
using System.Net.Http;

namespace ImAdmin.Engine.Http
{
    /// <summary>Per-request settings carried on <see cref="HttpRequestMessage"/> through the handler chain.</summary>
    internal static class RequestOptions
    {
        private const string SafetyKey = "ImAdmin.RetrySafety";
        private const string RetriesKey = "ImAdmin.Retries";
        private const string CostKey = "ImAdmin.Cost";
        private const string ThrottleKey = "ImAdmin.ThrottleFeedback";
        private const string UnsignedKey = "ImAdmin.Unsigned";

        public static void SetRetrySafety(this HttpRequestMessage request, RetrySafety safety) => request.Properties[SafetyKey] = safety;

        public static RetrySafety GetRetrySafety(this HttpRequestMessage request) =>
            request.Properties.TryGetValue(SafetyKey, out var v) && v is RetrySafety s ? s : RetrySafety.Idempotent;

        public static void SetRetries(this HttpRequestMessage request, int retries) => request.Properties[RetriesKey] = retries;

        public static int GetRetries(this HttpRequestMessage request) =>
            request.Properties.TryGetValue(RetriesKey, out var v) && v is int i ? i : 0;

        /// <summary>Marks a route probe that the auth handler must send without credentials.</summary>
        public static void SetUnsigned(this HttpRequestMessage request) => request.Properties[UnsignedKey] = true;

        public static bool IsUnsigned(this HttpRequestMessage request) =>
            request.Properties.TryGetValue(UnsignedKey, out var v) && v is true;

        /// <summary>How many rate-limit tokens the request uses (a batch send to 500 users costs 500 where the server counts recipients).</summary>
        public static void SetCost(this HttpRequestMessage request, int cost) => request.Properties[CostKey] = cost;

        public static int GetCost(this HttpRequestMessage request) =>
            request.Properties.TryGetValue(CostKey, out var v) && v is int i ? i : 1;
    
        /// <summary>Registers what to tell when the server throttles this request (each rate limit it passed through).</summary>
        public static void AddThrottleFeedback(this HttpRequestMessage request, Action<TimeSpan?> onThrottled) =>
            request.Properties[ThrottleKey] = (request.Properties.TryGetValue(ThrottleKey, out var v) ? v as Action<TimeSpan?> : null) + onThrottled;

        /// <summary>Tells the rate limits this request passed through that the server throttled it.</summary>
        public static void ReportThrottled(this HttpRequestMessage request, TimeSpan? retryAfter)
        {
            if (request.Properties.TryGetValue(ThrottleKey, out var v) && v is Action<TimeSpan?> feedback) feedback(retryAfter);
        }
    }
}
