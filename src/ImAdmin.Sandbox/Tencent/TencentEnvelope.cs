using System.Text.Encodings.Web;
using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>
/// Tencent's answer shape (see docs/server-behaviour/tencent.md, 'Envelope'): HTTP 200 whatever the outcome, with ActionStatus, ErrorCode and ErrorInfo
/// first, then the API's own fields under their exact (Pascal_Case) names.
/// </summary>
public static class TencentEnvelope
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = null,
        DictionaryKeyPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Ok(params (string Name, object? Value)[] fields) => Write("OK", 0, "", fields);

    public static IResult Fail(int code, string info, params (string Name, object? Value)[] fields) => Write("FAIL", code, info, fields);

    private static IResult Write(string status, int code, string info, (string Name, object? Value)[] fields)
    {
        var body = new Dictionary<string, object?> { ["ActionStatus"] = status, ["ErrorInfo"] = info, ["ErrorCode"] = code };
        foreach (var (name, value) in fields) body[name] = value;
        return Results.Json(body, Json, statusCode: 200);
    }
}

/// <summary>A Tencent API error raised while handling a request; the route turns it into a FAIL envelope.</summary>
public sealed class TencentApiException(int code, string info) : Exception(info)
{
    public int Code { get; } = code;
}
