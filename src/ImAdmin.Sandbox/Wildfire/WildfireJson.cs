using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

/// <summary>An exception escaping a handler; the server answers HTTP 500 with its text as the body.</summary>
public sealed class WildfireBodyException(string javaText) : Exception(javaText);

/// <summary>
/// Reads request bodies the way the server's Gson binding does: an empty body is a null object; malformed JSON or a
/// value of the wrong JSON type for a field throws (HTTP 500); a missing field is null, or 0 for Java ints and longs;
/// numbers are accepted for string fields and numeric strings for number fields.
/// </summary>
internal static class WildfireJson
{
    public static JsonObject? ParseObject(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new WildfireBodyException("com.google.gson.JsonSyntaxException: com.google.gson.stream.MalformedJsonException: " + ex.Message);
        }
        return node switch
        {
            null => null,
            JsonObject obj => obj,
            _ => throw Mismatch("BEGIN_OBJECT", node),
        };
    }

    public static string? Str(this JsonObject? obj, string name) => obj?[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
        var other => throw Mismatch("a string", other),
    };

    public static long Long(this JsonObject? obj, string name) => obj?[name] switch
    {
        null => 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
        JsonValue v when v.GetValueKind() == JsonValueKind.String && long.TryParse(v.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
        var other => throw new WildfireBodyException($"com.google.gson.JsonSyntaxException: java.lang.NumberFormatException: For input string: \"{other.ToJsonString().Trim('"')}\""),
    };

    public static int Int(this JsonObject? obj, string name)
    {
        var value = obj.Long(name);
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new WildfireBodyException($"com.google.gson.JsonSyntaxException: java.lang.NumberFormatException: Expected an int but was {value}");
    }

    public static JsonObject? Obj(this JsonObject? obj, string name) => obj?[name] switch
    {
        null => null,
        JsonObject o => o,
        var other => throw Mismatch("BEGIN_OBJECT", other),
    };

    public static List<string>? StrList(this JsonObject? obj, string name) => obj?[name] switch
    {
        null => null,
        JsonArray a => a.Select(item => item is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : item?.ToJsonString() ?? "").ToList(),
        var other => throw Mismatch("BEGIN_ARRAY", other),
    };

    private static WildfireBodyException Mismatch(string expected, JsonNode found) =>
        new($"com.google.gson.JsonSyntaxException: java.lang.IllegalStateException: Expected {expected} but was {found.GetValueKind().ToString().ToUpperInvariant()} at path $");
}
