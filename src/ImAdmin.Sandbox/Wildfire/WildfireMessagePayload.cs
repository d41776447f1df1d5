using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

/// <summary>
/// A MessagePayload as the server binds it (see docs/server-behaviour/wildfire.md, 'Message payload'): only the Java field names are read (client-SDK names such
/// as <c>binaryContent</c> are silently dropped), int fields default to 0 (so a missing persistFlag is 0), and an invalid
/// <c>base64edData</c> throws (HTTP 500). <see cref="Bind"/> returns the payload as Gson writes it back.
/// </summary>
internal static class WildfireMessagePayload
{
    private static readonly string[] StringFields = { "searchableContent", "pushContent", "pushData", "content", "base64edData", "remoteMediaUrl", "extra" };
    private static readonly string[] IntFields = { "type", "mediaType", "persistFlag", "expireDuration", "mentionedType" };

    public static JsonObject? Bind(JsonObject? raw)
    {
        if (raw == null) return null;
        var payload = new JsonObject();
        foreach (var name in IntFields) payload[name] = raw.Int(name);
        foreach (var name in StringFields)
            if (raw.Str(name) is { } value) payload[name] = value;
        if (raw.StrList("mentionedTarget") is { } mentioned) payload["mentionedTarget"] = new JsonArray(mentioned.Select(m => (JsonNode?)m).ToArray());

        if (payload["base64edData"] is JsonValue data)
        {
            try
            {
                Convert.FromBase64String(data.GetValue<string>());
            }
            catch (FormatException)
            {
                throw new WildfireBodyException("java.lang.IllegalArgumentException: Illegal base64 character");
            }
        }
        return payload;
    }
}
