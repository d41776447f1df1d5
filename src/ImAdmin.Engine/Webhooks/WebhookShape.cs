using System.Linq;
using System.Text.Json;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Webhooks
{
    /// <summary>
    /// The fields without which a body is not the event it is read as. A body that lacks them (e.g. <c>{"a":1}</c>
    /// read as msg.notify) is an error, not an event full of zeros: the listener answers 400 and emits nothing.
    /// </summary>
    internal static class WebhookShape
    {
        /// <summary>True when <paramref name="body"/> has every field; otherwise adds one error naming the missing ones.</summary>
        public static bool Require(ImProvider provider, string eventName, JsonElement body, WebhookParseResult result, params string[] fields)
        {
            var missing = fields.Where(f => !HasValue(body, f)).ToList();
            if (missing.Count == 0) return true;
            result.Errors.Add(WebhookParser.Malformed(provider,
                $"This body is not a {eventName} event: it lacks {string.Join(", ", missing)} (the body is {WebhookJson.Describe(body)}). Nothing was emitted for it."));
            return false;
        }

        /// <summary>Present and neither null nor an empty string.</summary>
        private static bool HasValue(JsonElement body, string field) =>
            body.ValueKind == JsonValueKind.Object && body.TryGetProperty(field, out var value) &&
            value.ValueKind != JsonValueKind.Null && !(value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0);
    }
}
