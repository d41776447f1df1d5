using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace ImAdmin.Engine.Webhooks
{
    /// <summary>
    /// Lenient readers for webhook bodies: a missing or null field reads as null/0, and numbers sent as strings (or
    /// strings sent as numbers) still read, because servers differ in how they encode the same field.
    /// </summary>
    internal static class WebhookJson
    {
        public static bool Has(this JsonElement obj, string name) =>
            obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

        public static string? Str(this JsonElement obj, string name)
        {
            if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v)) return null;
            return v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
        }

        public static long? Long(this JsonElement obj, string name)
        {
            if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v)) return null;
            if (v.ValueKind == JsonValueKind.Number)
            {
                if (v.TryGetInt64(out var l)) return l;
                // uint64 above long.MaxValue does not occur in practice; doubles are truncated.
                return v.TryGetDouble(out var d) ? (long)d : (long?)null;
            }
            if (v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)) return s;
            if (v.ValueKind == JsonValueKind.True) return 1;
            if (v.ValueKind == JsonValueKind.False) return 0;
            return null;
        }

        public static int Int(this JsonElement obj, string name) => (int)(obj.Long(name) ?? 0);

        public static bool Flag(this JsonElement obj, string name) => (obj.Long(name) ?? 0) != 0;

        public static DateTimeOffset? Seconds(this JsonElement obj, string name) =>
            obj.Long(name) is { } s && s > 0 ? DateTimeOffset.FromUnixTimeSeconds(s) : (DateTimeOffset?)null;

        public static DateTimeOffset? Milliseconds(this JsonElement obj, string name) =>
            obj.Long(name) is { } ms && ms > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;

        /// <summary>The objects of an array field; nothing when the field is missing or not an array.</summary>
        public static IEnumerable<JsonElement> Objects(this JsonElement obj, string name) =>
            obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
                ? v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
                : Enumerable.Empty<JsonElement>();

        /// <summary>An array of strings (numbers are kept as their text).</summary>
        public static string[] Strings(this JsonElement obj, string name) =>
            obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) ? StringsOf(v) : Array.Empty<string>();

        public static string[] StringsOf(JsonElement array) =>
            array.ValueKind == JsonValueKind.Array
                ? array.EnumerateArray()
                    .Where(e => e.ValueKind == JsonValueKind.String || e.ValueKind == JsonValueKind.Number)
                    .Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText())
                    .ToArray()
                : Array.Empty<string>();

        /// <summary>One string field of each object in an array field, e.g. Member_Account of every MemberList entry.</summary>
        public static string[] Accounts(this JsonElement obj, string arrayName, string field) =>
            obj.Objects(arrayName).Select(e => e.Str(field)).Where(s => s != null).Select(s => s!).ToArray();

        /// <summary>What kind of JSON the element is, in words for error messages.</summary>
        public static string Describe(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Array when element.GetArrayLength() == 0 => "an empty array",
            JsonValueKind.Array => "an array of " + Plural(element.EnumerateArray().First().ValueKind),
            JsonValueKind.Object => "an object",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.Null => "null",
            _ => "a boolean",
        };

        private static string Plural(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "objects",
            JsonValueKind.Array => "arrays",
            JsonValueKind.String => "strings",
            JsonValueKind.Number => "numbers",
            JsonValueKind.Null => "nulls",
            _ => "booleans",
        };
    }
}
