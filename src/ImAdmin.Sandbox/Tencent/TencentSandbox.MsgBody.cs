using System.Text;
using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>
/// MsgBody as the server reads it: an array of {MsgType, MsgContent} elements of the known types, each with its
/// required fields of the right JSON type, at most one TIMCustomElem, and at most 12 KB in all (80002). A field the
/// server does not know is ignored, as on the real server: a misspelled optional field is lost without a word.
/// </summary>
public sealed partial class TencentSandbox
{
    /// <summary>The whole MsgBody may hold at most 12 KB.</summary>
    public const int MaxMsgBodyBytes = 12 * 1024;

    private enum Field { String, Number, Integer, Array }

    /// <summary>Required fields of each element type; TIMCustomElem needs none (all its fields are optional strings).</summary>
    private static readonly Dictionary<string, (string Name, Field Kind)[]> ElementRules = new(StringComparer.Ordinal)
    {
        ["TIMTextElem"] = [("Text", Field.String)],
        ["TIMLocationElem"] = [("Latitude", Field.Number), ("Longitude", Field.Number)],
        ["TIMFaceElem"] = [("Index", Field.Integer)],
        ["TIMCustomElem"] = [],
        ["TIMSoundElem"] = [("Url", Field.String), ("Second", Field.Integer)],
        ["TIMImageElem"] = [("ImageFormat", Field.Integer), ("ImageInfoArray", Field.Array)],
        ["TIMFileElem"] = [("Url", Field.String), ("FileName", Field.String)],
        ["TIMVideoFileElem"] = [("VideoUrl", Field.String), ("ThumbUrl", Field.String)],
        ["TIMRelayElem"] = [("MsgNum", Field.Integer)],
    };

    /// <summary>Optional string fields whose other JSON types the server refuses.</summary>
    private static readonly string[] StringFields = ["Data", "Desc", "Ext", "Sound", "UUID", "Title", "CompatibleText"];

    /// <summary>importmsg documents only these element types.</summary>
    private static readonly HashSet<string> ImportElementTypes = new(StringComparer.Ordinal) { "TIMTextElem", "TIMFaceElem", "TIMLocationElem", "TIMCustomElem" };

    /// <summary>
    /// The MsgBody of <paramref name="body"/>, validated. <paramref name="badCode"/> is the route's "element format
    /// wrong" code (90010 for C2C, 10004 for groups); <paramref name="importOnly"/> limits the types to importmsg's.
    /// </summary>
    private static JsonElement ReadMsgBody(JsonElement body, int badCode = 90010, bool importOnly = false)
    {
        var c2c = badCode == 90010;
        if (!body.TryGetProperty("MsgBody", out var msgBody) || msgBody.ValueKind != JsonValueKind.Array)
            throw new TencentApiException(c2c ? 90007 : badCode, "MsgBody is missing or not an array");
        if (msgBody.GetArrayLength() == 0) throw new TencentApiException(c2c ? 90002 : badCode, "MsgBody has no element");
        if (Encoding.UTF8.GetByteCount(msgBody.GetRawText()) > MaxMsgBodyBytes)
            throw new TencentApiException(80002, $"message too long: MsgBody is over {MaxMsgBodyBytes} bytes");
        var customs = 0;
        foreach (var element in msgBody.EnumerateArray())
        {
            var type = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("MsgType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
            if (!ElementRules.TryGetValue(type, out var rules) || importOnly && !ImportElementTypes.Contains(type))
                throw new TencentApiException(badCode, $"MsgType '{type}' is not a message element type this API accepts");
            if (!element.TryGetProperty("MsgContent", out var content) || content.ValueKind != JsonValueKind.Object)
                throw new TencentApiException(badCode, $"{type}: MsgContent is missing or not an object");
            foreach (var (name, kind) in rules)
                if (!content.TryGetProperty(name, out var value) || !Is(value, kind))
                    throw new TencentApiException(badCode, $"{type}: MsgContent.{name} is missing or not a {kind.ToString().ToLowerInvariant()}");
            foreach (var name in StringFields)
                if (content.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.String)
                    throw new TencentApiException(badCode, $"{type}: MsgContent.{name} must be a string");
            if (type == "TIMImageElem" && content.GetProperty("ImageInfoArray").EnumerateArray()
                    .Any(i => i.ValueKind != JsonValueKind.Object || !i.TryGetProperty("URL", out var url) || url.ValueKind != JsonValueKind.String || !i.TryGetProperty("Type", out var it) || !Is(it, Field.Integer)))
                throw new TencentApiException(badCode, "TIMImageElem: every ImageInfoArray item needs Type (integer) and URL (string)");
            if (type == "TIMCustomElem" && ++customs > 1) throw new TencentApiException(badCode, "a message holds at most one TIMCustomElem");
        }
        return msgBody.Clone();
    }

    private static bool Is(JsonElement value, Field kind) => kind switch
    {
        Field.String => value.ValueKind == JsonValueKind.String,
        Field.Number => value.ValueKind == JsonValueKind.Number,
        Field.Integer => value.TryInt64(out _),
        _ => value.ValueKind == JsonValueKind.Array,
    };
}
