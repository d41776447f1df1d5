using System.Text.Json;

namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>
/// A request body decoded as Go's encoding/json would: as a struct (fields by case-insensitive name, missing =
/// zero value) or as a []string. The first decoding error is kept; gin answers it with a 400.
/// </summary>
internal sealed class GoBody
{
    private readonly JsonElement _body;

    private GoBody(JsonElement body, string? error)
    {
        _body = body;
        Error = error;
    }

    public string? Error { get; private set; }

    public static async Task<GoBody> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(text)) return new GoBody(default, "EOF");
        try
        {
            using var document = JsonDocument.Parse(text);
            return new GoBody(document.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            return new GoBody(default, "invalid character in JSON body: " + ex.Message);
        }
    }

    /// <summary>The whole body as []string.</summary>
    public List<string> StringList() => Strings(_body, "value");

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

    public List<string> Strings(string name) => Strings(Field(name), "struct field ." + name);

    private List<string> Strings(JsonElement value, string where)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            Error ??= $"json: cannot unmarshal {WuKongGin.Kind(value)} into Go {where} of type []string";
            return [];
        }
        var result = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                Error ??= $"json: cannot unmarshal {WuKongGin.Kind(item)} into Go {where} of type string";
                return [];
            }
            result.Add(item.GetString()!);
        }
        return result;
    }

    /// <summary>Go matches keys case-insensitively, preferring an exact match; a body that is not an object cannot fill a struct.</summary>
    private JsonElement Field(string name)
    {
        if (_body.ValueKind != JsonValueKind.Object)
        {
            if (_body.ValueKind != JsonValueKind.Undefined) Error ??= $"json: cannot unmarshal {WuKongGin.Kind(_body)} into Go value of type struct";
            return default;
        }
        if (_body.TryGetProperty(name, out var exact)) return exact;
        return _body.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
    }

    private void Fail(string name, JsonElement value, string type) =>
        Error ??= $"json: cannot unmarshal {WuKongGin.Kind(value)} {(value.ValueKind == JsonValueKind.Number ? value.GetRawText() + " " : "")}into Go struct field .{name} of type {type}";
}
