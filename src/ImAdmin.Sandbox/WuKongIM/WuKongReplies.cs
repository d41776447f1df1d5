namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>The answer shapes WuKongIM handlers use (see docs/server-behaviour/wukongim.md, 'Answer envelopes') and route helpers that turn a refused request into its 400.</summary>
public static class WuKongReplies
{
    public static IResult Ok() => Results.Json(new { status = 200 });

    public static IResult OkWithData(object data) => Results.Json(new { status = 200, data });

    /// <summary>"Not found" is HTTP 200 with a body status of 404.</summary>
    public static IResult NotFoundInBody() => Results.Json(new { status = 404 });

    public static IResult BadRequest(string msg) => Results.Json(new { msg, status = 400 }, statusCode: 400);

    /// <summary>What gin answers for a route this server version does not have.</summary>
    public static IResult NoRoute() => Results.Text("404 page not found", "text/plain", statusCode: 404);

    /// <summary>Maps a POST whose JSON body the handler reads; a <see cref="WuKongBadRequest"/> becomes its 400.</summary>
    public static void MapWuKongPost(this WebApplication app, string path, Func<WuKongBody, HttpRequest, IResult> handler) =>
        app.MapPost(path, Refusable(async context => handler(await WuKongBody.ReadAsync(context.Request), context.Request)));

    /// <summary>Maps a POST whose body is first decoded into <paramref name="target"/> (see <see cref="WuKongBody.ReadAsync(HttpRequest, GoStruct, string?)"/>).</summary>
    public static void MapWuKongPost(this WebApplication app, string path, GoStruct target, string? goErrorPrefix, Func<WuKongBody, IResult> handler) =>
        app.MapPost(path, Refusable(async context => handler(await WuKongBody.ReadAsync(context.Request, target, goErrorPrefix))));

    /// <summary>Maps a POST whose body is a bare JSON array of strings; a <see cref="WuKongBadRequest"/> becomes its 400.</summary>
    public static void MapWuKongPostStrings(this WebApplication app, string path, Func<List<string>, HttpRequest, IResult> handler) =>
        app.MapPost(path, Refusable(async context => handler(await WuKongBody.ReadStringsAsync(context.Request), context.Request)));

    /// <summary>Maps a GET whose query the handler reads; a <see cref="WuKongBadRequest"/> becomes its 400.</summary>
    public static void MapWuKongGet(this WebApplication app, string path, Func<IQueryCollection, IResult> handler) =>
        app.MapGet(path, Refusable(context => Task.FromResult(handler(context.Request.Query))));

    /// <summary>A route handler (typed as Delegate so its result is written) answering a <see cref="WuKongBadRequest"/> with its 400.</summary>
    private static Delegate Refusable(Func<HttpContext, Task<IResult>> handle)
    {
        Func<HttpContext, Task<IResult>> answer = async context =>
        {
            try
            {
                return await handle(context);
            }
            catch (WuKongBadRequest ex)
            {
                return BadRequest(ex.Message);
            }
        };
        return answer;
    }

    /// <summary>An integer query parameter (0 when absent); text that is not a number is a 400, as gin's binding gives.</summary>
    public static long QueryLong(this IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (text.Length == 0) return 0;
        return long.TryParse(text, out var value) ? value : throw new WuKongBadRequest(WuKongBody.FormatError);
    }

    /// <summary>The MessageResp shape (see docs/server-behaviour/wukongim.md, 'Message shape') of a stored message.</summary>
    public static Dictionary<string, object?> MessageResp(StoredMessage m) => new()
    {
        ["header"] = new { no_persist = m.Header.NoPersist, red_dot = m.Header.RedDot, sync_once = m.Header.SyncOnce },
        ["setting"] = 0,
        ["message_id"] = m.Id,
        ["message_idstr"] = m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["client_msg_no"] = m.ClientMsgNo,
        ["message_seq"] = m.Seq,
        ["from_uid"] = m.From == WuKongState.SystemUid ? "" : m.From,
        ["channel_id"] = m.DisplayChannelId,
        ["channel_type"] = m.Channel.Type,
        ["expire"] = m.Expire,
        ["timestamp"] = m.Timestamp,
        ["payload"] = Convert.ToBase64String(m.Payload),
    };
}
