using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

/// <summary>The codes the sandbox answers with, and their text as <c>cn.wildfirechat.common.ErrorCode</c> has it.</summary>
public static class WildfireCodes
{
    public const int Success = 0;
    public const int InvalidData = 2;
    public const int ServerError = 4;
    public const int GroupAlreadyExist = 11;
    public const int ApiNotSigned = 239;
    public const int SignExpired = 243;
    public const int AuthFailure = 244;
    public const int OverFrequency = 250;
    public const int InvalidParameter = 251;
    public const int NotExist = 253;

    public static string Message(int code) => code switch
    {
        Success => "success",
        InvalidData => "invalid data",
        ServerError => "server error",
        GroupAlreadyExist => "group already exist",
        ApiNotSigned => "api not signed or sign parameter not completion",
        SignExpired => "sign expired",
        AuthFailure => "auth failure",
        OverFrequency => "over frequency",
        InvalidParameter => "Invalid parameter",
        NotExist => "not exist",
        _ => "server error",
    };
}

/// <summary>
/// One <c>RestResult</c>: <c>{code,msg,result}</c>. Gson drops nulls, so a reply without data has no <c>result</c>;
/// preAction failures carry a nested copy of <c>{code,msg}</c> as their result (see docs/server-behaviour/wildfire.md, 'Signing'). Some handlers
/// put an exception's text in <c>msg</c> instead of the code's own text (<paramref name="Msg"/>).
/// </summary>
public sealed record WildfireReply(int Code, JsonNode? Result, string? Msg = null)
{
    public static WildfireReply Ok(JsonNode? result = null) => new(WildfireCodes.Success, result);

    public static WildfireReply Fail(int code) => new(code, null);

    /// <summary>A failure whose msg is an exception's text (for example code 4 from a failed row write).</summary>
    public static WildfireReply Fail(int code, string msg) => new(code, null, msg);

    public static WildfireReply PreActionFailure(int code) =>
        new(code, new JsonObject { ["code"] = code, ["msg"] = WildfireCodes.Message(code) });

    public string ToJson()
    {
        var envelope = new JsonObject { ["code"] = Code, ["msg"] = Msg ?? WildfireCodes.Message(Code) };
        if (Result != null) envelope["result"] = Result.DeepClone();
        return envelope.ToJsonString();
    }
}
