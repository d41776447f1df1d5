using System.Text.Json;

namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>
/// How WuKongIM's gin handlers answer and bind (contract §3): <c>{"status":200}</c> for OK, HTTP 400
/// <c>{"msg","status":400}</c> for every failure, and Go encoding/json rules for bodies (wrong JSON type = 400,
/// missing field = zero value, unknown field ignored).
/// </summary>
internal static class WuKongGin
{
    public static IResult Ok() => Status(200);

    /// <summary>HTTP 200 with a body status that may say otherwise (reason codes of /user/token).</summary>
    public static IResult Status(int status) => Results.Json(new Dictionary<string, object> { ["status"] = status });

    public static IResult Error(string message) =>
        Results.Json(new Dictionary<string, object> { ["msg"] = message, ["status"] = 400 }, statusCode: 400);

    /// <summary>A value written exactly as given (bare arrays, JSON null, objects with snake_case names).</summary>
    public static IResult Json(object? value) => Results.Text(JsonSerializer.Serialize(value), "application/json; charset=utf-8");

    /// <summary>The body as JSON, or the error gin reports for an empty or malformed body.</summary>
    public static async Task<(JsonElement Body, string? Error)> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(text)) return (default, "EOF");
        try
        {
            using var document = JsonDocument.Parse(text);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            return (default, "invalid character in JSON body: " + ex.Message);
        }
    }

    /// <summary>Reads a JSON array of strings as Go's []string, or the error Go gives.</summary>
    public static List<string>? Strings(JsonElement value, string field, ref string? error)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            error ??= $"json: cannot unmarshal {Kind(value)} into Go {Where(field)} of type []string";
            return null;
        }
        var result = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                error ??= $"json: cannot unmarshal {Kind(item)} into Go {Where(field)} of type string";
                return null;
            }
            result.Add(item.GetString()!);
        }
        return result;
    }

    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "bool",
    };

    private static string Where(string field) => field.Length == 0 ? "value" : "struct field ." + field;
}

/// <summary>Reads the fields of a JSON object as a Go struct would, keeping the first decoding error.</summary>
internal sealed class GoStruct
{
    private readonly JsonElement _body;

    public GoStruct(JsonElement body)
    {
        _body = body;
        if (body.ValueKind != JsonValueKind.Object)
            Error = $"json: cannot unmarshal {WuKongGin.Kind(body)} into Go value of type struct";
    }

    public string? Error { get; private set; }

    public string String(string name)
    {
        var value = Field(name);
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return "";
        if (value.ValueKind == JsonValueKind.String) return value.GetString()!;
        Fail(name, value, "string");
        return "";
    }

    public long Int64(string name, long min = long.MinValue, long max = long.MaxValue, string type = "int64")
    {
        var value = Field(name);
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return 0;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= min && number <= max) return number;
        Fail(name, value, type);
        return 0;
    }

    public ulong UInt64(string name)
    {
        var value = Field(name);
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return 0;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var number)) return number;
        Fail(name, value, "uint64");
        return 0;
    }

    public int UInt8(string name) => (int)Int64(name, 0, 255, "uint8");

    public int Int(string name) => (int)Int64(name, int.MinValue, int.MaxValue, "int");

    public List<string> Strings(string name)
    {
        string? error = null;
        var result = WuKongGin.Strings(Field(name), name, ref error);
        Error ??= error;
        return result ?? [];
    }

    /// <summary>Go matches keys case-insensitively, preferring an exact match.</summary>
    private JsonElement Field(string name)
    {
        if (_body.ValueKind != JsonValueKind.Object) return default;
        if (_body.TryGetProperty(name, out var exact)) return exact;
        return _body.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
    }

    private void Fail(string name, JsonElement value, string type) =>
        Error ??= $"json: cannot unmarshal {WuKongGin.Kind(value)} {(value.ValueKind == JsonValueKind.Number ? value.GetRawText() + " " : "")}into Go struct field .{name} of type {type}";
}
