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

    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "bool",
    };
}
