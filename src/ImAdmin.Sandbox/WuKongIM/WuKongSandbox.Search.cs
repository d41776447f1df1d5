using System.Text.Json;
using System.Text.RegularExpressions;
using static ImAdmin.Sandbox.WuKongIM.WuKongReplies;

namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>
/// The generic plugin proxy <c>/plugins/:plugin/*path</c>. Without the search plugin (the default install) every call is
/// HTTP 400 <c>{"msg":"plugin not found","status":404}</c>; with <see cref="SandboxOptions.WuKongSearchPlugin"/> the
/// wk.plugin.search user search answers as docs/server-behaviour/wukongim.md, 'Message search' describes.
/// </summary>
public sealed partial class WuKongSandbox
{
    public const string SearchPlugin = "wk.plugin.search";

    private void MapPlugins(WebApplication app) =>
        app.Map("/plugins/{plugin}/{**path}", async (HttpContext context, string plugin, string? path) =>
        {
            if (plugin != SearchPlugin || !options.WuKongSearchPlugin)
                return Results.Json(new { msg = "plugin not found", status = 404 }, statusCode: 400);
            if (path != "usersearch" || !HttpMethods.IsPost(context.Request.Method)) return NoRoute();
            try
            {
                return SearchUserMessages(await WuKongBody.ReadAsync(context.Request));
            }
            catch (WuKongBadRequest ex)
            {
                return BadRequest(ex.Message);
            }
        });

    private IResult SearchUserMessages(WuKongBody body)
    {
        var uid = body.Str("uid");
        if (uid.Length == 0) throw new WuKongBadRequest("uid不能为空！");
        var limit = body.Int("limit") is > 0 and var l ? l : 10;
        var page = body.Int("page") is > 0 and var p ? p : 1;
        var filters = body.StringMap("payload");
        var query = new WuKongState.SearchQuery(uid, filters, body.Longs("payload_types").Select(t => (int)t).ToList(),
            body.Str("from_uid"), body.Str("channel_id"), body.Int("channel_type"), body.Long("start_time"), body.Long("end_time"));
        var highlights = body.Strings("highlights").Where(h => h.StartsWith("payload.", StringComparison.Ordinal)).Select(h => h["payload.".Length..]).ToHashSet();

        var hits = State.Search(query);
        var messages = hits.Skip((page - 1) * limit).Take(limit).Select(h => new Dictionary<string, object?>
        {
            ["message_id"] = h.Message.Id,
            ["message_idstr"] = h.Message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["message_seq"] = h.Message.Seq,
            ["client_msg_no"] = h.Message.ClientMsgNo,
            ["from_uid"] = h.Message.From == WuKongState.SystemUid ? "" : h.Message.From,
            ["channel_id"] = h.ChannelId,
            ["channel_type"] = h.Message.Channel.Type,
            ["payload"] = Highlight(h.Payload, filters, highlights),
            ["timestamp"] = h.Message.Timestamp,
        });
        return Results.Json(new { total = hits.Count, limit, page, messages });
    }

    /// <summary>The decoded payload object, with the searched text of highlighted fields wrapped in &lt;mark&gt;.</summary>
    private static Dictionary<string, JsonElement> Highlight(JsonElement payload, IReadOnlyDictionary<string, string> filters, ISet<string> fields)
    {
        var result = new Dictionary<string, JsonElement>();
        foreach (var property in payload.EnumerateObject())
        {
            var value = property.Value;
            if (fields.Contains(property.Name) && filters.TryGetValue(property.Name, out var text) && value.ValueKind == JsonValueKind.String)
                value = JsonSerializer.SerializeToElement(Regex.Replace(value.GetString()!, Regex.Escape(text), m => "<mark>" + m.Value + "</mark>", RegexOptions.IgnoreCase));
            result[property.Name] = value;
        }
        return result;
    }
}
