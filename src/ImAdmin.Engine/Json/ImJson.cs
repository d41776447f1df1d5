using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImAdmin.Engine.Json
{
    /// <summary>
    /// One set of serializer options for every provider. Wire names differ per provider (snake_case, camelCase,
    /// Tencent's Pascal_Case), so every DTO names its fields with [JsonPropertyName] instead of a naming policy.
    /// </summary>
    public static class ImJson
    {
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Servers read UTF-8; keep CJK text readable in debug logs instead of \uXXXX escapes.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };

        public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, value?.GetType() ?? typeof(T), Options);

        public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

        /// <summary>Parses <paramref name="text"/> as JSON, or returns false for empty or non-JSON text.</summary>
        public static bool TryParse(string text, out JsonElement element)
        {
            element = default;
            if (string.IsNullOrWhiteSpace(text)) return false;
            try
            {
                using var doc = JsonDocument.Parse(text);
                element = doc.RootElement.Clone();
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        public static int? GetInt(this JsonElement obj, string name) =>
            obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : (int?)null;

        public static long? GetLong(this JsonElement obj, string name) =>
            obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l) ? l : (long?)null;

        public static string? GetString(this JsonElement obj, string name) =>
            obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }
}
