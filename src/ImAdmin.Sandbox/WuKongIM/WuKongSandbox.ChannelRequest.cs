using System.Text.Json;

namespace ImAdmin.Sandbox.WuKongIM;

public sealed partial class WuKongSandbox
{
    /// <summary>The Go field types the channel handlers decode into.</summary>
    private enum GoType
    {
        String,
        UInt8,
        Int,
        StringSlice,
    }

    /// <summary>
    /// A request body decoded the way Go's encoding/json fills a handler's struct: unknown fields ignored, missing or
    /// null fields left at zero, key names matched case-insensitively, and a wrong JSON type failing the whole
    /// decode with Go's error text (which some handlers prefix with 数据格式有误！).
    /// </summary>
    private sealed class ChannelRequest
    {
        private readonly Dictionary<string, JsonElement> _fields;

        private ChannelRequest(Dictionary<string, JsonElement> fields) => _fields = fields;

        /// <summary>Decodes <paramref name="body"/> into the Go struct <paramref name="goStruct"/>, or gives Go's error text.</summary>
        public static ChannelRequest? Bind(string body, string goStruct, IReadOnlyDictionary<string, GoType> schema, out string? error)
        {
            error = null;
            if (string.IsNullOrWhiteSpace(body))
            {
                error = "EOF";
                return null;
            }
            JsonElement root;
            try
            {
                using var document = JsonDocument.Parse(body);
                root = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                error = "invalid character looking for beginning of value";
                return null;
            }
            if (root.ValueKind == JsonValueKind.Null) return new ChannelRequest(new Dictionary<string, JsonElement>());
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = $"json: cannot unmarshal {Kind(root)} into Go value of type api.{goStruct}";
                return null;
            }

            var fields = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in root.EnumerateObject())
            {
                var name = schema.Keys.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
                if (name == null) continue;
                var problem = Check(property.Value, schema[name]);
                if (problem != null)
                {
                    error = $"json: cannot unmarshal {problem} into Go struct field {goStruct}.{name} of type {GoName(schema[name])}";
                    return null;
                }
                fields[name] = property.Value;
            }
            return new ChannelRequest(fields);
        }

        public string String(string name) => _fields.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

        public int Number(string name) => _fields.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.Number ? (int)v.GetInt64() : 0;

        public IReadOnlyList<string> Strings(string name) =>
            _fields.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.Array
                ? v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : "").ToList()
                : [];

        /// <summary>What Go would complain about for this value, or null when it decodes.</summary>
        private static string? Check(JsonElement value, GoType type)
        {
            if (value.ValueKind == JsonValueKind.Null) return null;
            switch (type)
            {
                case GoType.String:
                    return value.ValueKind == JsonValueKind.String ? null : Kind(value);
                case GoType.UInt8:
                case GoType.Int:
                    if (value.ValueKind != JsonValueKind.Number) return Kind(value);
                    var max = type == GoType.UInt8 ? byte.MaxValue : int.MaxValue;
                    var min = type == GoType.UInt8 ? 0 : int.MinValue;
                    return value.TryGetInt64(out var n) && n >= min && n <= max ? null : "number " + value.GetRawText();
                default:
                    if (value.ValueKind != JsonValueKind.Array) return Kind(value);
                    return value.EnumerateArray().Any(e => e.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                        ? Kind(value.EnumerateArray().First(e => e.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)))
                        : null;
            }
        }

        private static string Kind(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Object => "object",
            JsonValueKind.Array => "array",
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            _ => "bool",
        };

        private static string GoName(GoType type) => type switch
        {
            GoType.String => "string",
            GoType.UInt8 => "uint8",
            GoType.Int => "int",
            _ => "[]string",
        };
    }
}
