using System.Text.Json;

namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>A request the handler refuses: HTTP 400 <c>{"msg":...,"status":400}</c>, as every WuKongIM validation error.</summary>
public sealed class WuKongBadRequest(string message) : Exception(message);

/// <summary>
/// A JSON request body read the way the server's Go handlers decode it (see docs/server-behaviour/wukongim.md, 'Requests'): unknown fields are ignored,
/// a missing field is its zero value, a wrong JSON type or bad Base64 is a 400 "数据格式有误！". Handlers that decode
/// into a declared <see cref="GoStruct"/> (the channel routes) check every field up front and answer with Go's error text.
/// </summary>
public sealed class WuKongBody
{
    public const string FormatError = "数据格式有误！";

    private readonly JsonElement _root;

    private WuKongBody(JsonElement root) => _root = root;

    public static async Task<WuKongBody> ReadAsync(HttpRequest request)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new WuKongBadRequest(FormatError);
            return new WuKongBody(doc.RootElement.Clone());
        }
        catch (JsonException)
        {
            throw new WuKongBadRequest(FormatError);
        }
    }

    /// <summary>
    /// The body decoded into <paramref name="target"/> first; a failed decode is a 400 whose text is
    /// <paramref name="goErrorPrefix"/> followed by Go's error, or the bare "数据格式有误！" when the prefix is null.
    /// </summary>
    public static async Task<WuKongBody> ReadAsync(HttpRequest request, GoStruct target, string? goErrorPrefix)
    {
        var text = await new StreamReader(request.Body).ReadToEndAsync();
        return target.Decode(text, out var error) is { } root
            ? new WuKongBody(root)
            : throw new WuKongBadRequest(goErrorPrefix == null ? FormatError : goErrorPrefix + error);
    }

    /// <summary>A body that is a bare JSON array of strings (/user/onlinestatus, /route/batch); anything else is a 400.</summary>
    public static async Task<List<string>> ReadStringsAsync(HttpRequest request)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body);
            if (doc.RootElement.ValueKind != JsonValueKind.Array) throw new WuKongBadRequest(FormatError);
            return doc.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new WuKongBadRequest(FormatError)).ToList();
        }
        catch (JsonException)
        {
            throw new WuKongBadRequest(FormatError);
        }
    }

    public bool Has(string name) => Field(name) is { ValueKind: not JsonValueKind.Null };

    public string Str(string name) => Field(name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => "",
        { ValueKind: JsonValueKind.String } v => v.GetString()!,
        _ => throw new WuKongBadRequest(FormatError),
    };

    public long Long(string name) => Field(name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => 0,
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var n) => n,
        _ => throw new WuKongBadRequest(FormatError),
    };

    public int Int(string name) => checked((int)Long(name));

    /// <summary>A Go uint8 field (device_flag, device_level): a number outside 0-255 fails the decode.</summary>
    public int Byte(string name) => Long(name) is var n and >= 0 and <= byte.MaxValue ? (int)n : throw new WuKongBadRequest(FormatError);

    /// <summary>A Go uint64 field (node ids).</summary>
    public ulong ULong(string name) => Field(name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => 0,
        { ValueKind: JsonValueKind.Number } v when v.TryGetUInt64(out var n) => n,
        _ => throw new WuKongBadRequest(FormatError),
    };

    public List<string> Strings(string name) => Array(name, e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new WuKongBadRequest(FormatError));

    public List<long> Longs(string name) => Array(name, e => e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var n) ? n : throw new WuKongBadRequest(FormatError));

    /// <summary>A Go []byte field: standard Base64 with padding.</summary>
    public byte[] Bytes(string name)
    {
        var text = Str(name);
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new WuKongBadRequest(FormatError);
        }
    }

    public WuKongBody? Object(string name) => Field(name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Object } v => new WuKongBody(v),
        _ => throw new WuKongBadRequest(FormatError),
    };

    public List<WuKongBody> Objects(string name) => Array(name, e => e.ValueKind == JsonValueKind.Object ? new WuKongBody(e) : throw new WuKongBadRequest(FormatError));

    /// <summary>A field kept as raw JSON (event payloads are "any JSON"); null when absent.</summary>
    public JsonElement? Raw(string name) => Field(name) is { ValueKind: not JsonValueKind.Null } v ? v.Clone() : null;

    /// <summary>The string fields of an object field (the search plugin's payload filter).</summary>
    public Dictionary<string, string> StringMap(string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Object(name) is not { } inner) return map;
        foreach (var property in inner._root.EnumerateObject())
            map[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        return map;
    }

    private List<T> Array<T>(string name, Func<JsonElement, T> read) => Field(name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => [],
        { ValueKind: JsonValueKind.Array } v => v.EnumerateArray().Select(read).ToList(),
        _ => throw new WuKongBadRequest(FormatError),
    };

    private JsonElement? Field(string name) => _root.TryGetProperty(name, out var value) ? value : null;
}
