using System.Text.Json;

namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>The Go field types the handlers' request structs declare.</summary>
public enum GoType
{
    String,
    UInt8,
    Int,
    StringSlice,
}

/// <summary>
/// A handler's request struct, for bodies decoded up front the way Go's encoding/json fills it: unknown fields
/// ignored, missing or null fields left at zero, key names matched case-insensitively, and a wrong JSON type failing
/// the whole decode with Go's error text.
/// </summary>
public sealed record GoStruct(string Name, IReadOnlyDictionary<string, GoType> Fields)
{
    /// <summary>
    /// The body as an object holding only this struct's fields, under their declared names and with null list items
    /// read as "" (as Go leaves them); or null and Go's error text when the decode fails.
    /// </summary>
    public JsonElement? Decode(string body, out string? error)
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
        if (root.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            error = $"json: cannot unmarshal {Kind(root)} into Go value of type api.{Name}";
            return null;
        }

        var fields = new Dictionary<string, JsonElement>();
        if (root.ValueKind == JsonValueKind.Null) return Canonical(fields);
        foreach (var property in root.EnumerateObject())
        {
            var name = Fields.Keys.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
            if (name == null) continue;
            var problem = Check(property.Value, Fields[name]);
            if (problem != null)
            {
                error = $"json: cannot unmarshal {problem} into Go struct field {Name}.{name} of type {GoName(Fields[name])}";
                return null;
            }
            fields[name] = property.Value;
        }
        return Canonical(fields);
    }

    private static JsonElement Canonical(Dictionary<string, JsonElement> fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                writer.WritePropertyName(name);
                if (value.ValueKind != JsonValueKind.Array)
                {
                    value.WriteTo(writer);
                    continue;
                }
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray()) writer.WriteStringValue(item.ValueKind == JsonValueKind.String ? item.GetString() : "");
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

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
