namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>Users and devices (see docs/server-behaviour/wukongim.md, 'Users and devices'): tokens, device_quit, onlinestatus, route and system uids.</summary>
public sealed partial class WuKongSandbox
{
    private const string ExternalTcpAddr = "127.0.0.1:5100";
    private const string ExternalWsAddr = "ws://127.0.0.1:5200";
    private const string IntranetTcpAddr = "127.0.0.1:15100";

    /// <summary>Reason codes /user/token answers inside an HTTP 200 (see docs/server-behaviour/wukongim.md, 'Reason codes and header flags').</summary>
    private const int ReasonBan = 19;
    private const int ReasonDisband = 24;

    private void MapUsers(WebApplication app)
    {
        app.MapWuKongPost("/user/token", (body, _) => SetToken(body));
        app.MapWuKongPost("/user/device_quit", (body, _) =>
        {
            var uid = body.Str("uid");
            var flag = body.Int("device_flag");
            // -1 means app, web and pc; nothing is validated and a missing device is still OK.
            foreach (var f in flag == -1 ? [0, 1, 2] : new[] { flag }) State.QuitDevice(uid, f);
            return WuKongReplies.Ok();
        });
        app.MapWuKongPostStrings("/user/onlinestatus", (uids, _) => uids.Count == 0
            ? WuKongReplies.Ok()
            : Results.Json(uids.SelectMany(State.ConnectionsOf)
                .Select(c => new Dictionary<string, object> { ["uid"] = c.Uid, ["device_flag"] = c.DeviceFlag, ["online"] = 1 }).ToList()));
        app.MapGet("/route", (HttpRequest request) => Results.Json(RouteAnswer(request, null)));
        app.MapWuKongPostStrings("/route/batch", (uids, request) => Results.Json(new[] { RouteAnswer(request, uids) }));
        // An empty list is a no-op that still answers OK.
        app.MapWuKongPost("/user/systemuids_add", (body, _) => SystemUids(body, State.AddSystemUids));
        app.MapWuKongPost("/user/systemuids_remove", (body, _) => SystemUids(body, State.RemoveSystemUids));
        app.MapGet("/user/systemuids", () =>
        {
            var uids = State.SystemUids;
            return Results.Json(uids.Count == 0 ? null : uids); // null, not [], when there are none
        });
    }

    /// <summary>Checks in the server's order: uid, token, special characters, system uid, then the person channel's ban/disband (HTTP 200 with a reason code).</summary>
    private IResult SetToken(WuKongBody body)
    {
        var uid = body.Str("uid");
        var token = body.Str("token");
        var flag = body.Byte("device_flag");
        var level = body.Byte("device_level");
        if (uid.Length == 0) return WuKongReplies.BadRequest("uid不能为空！");
        if (token.Length == 0) return WuKongReplies.BadRequest("token不能为空！");
        if (uid.IndexOfAny(['@', '#', '&']) >= 0) return WuKongReplies.BadRequest("uid不能包含特殊字符！");
        if (uid == WuKongState.SystemUid) return WuKongReplies.BadRequest("系统账号不允许更新token！");
        var person = State.PersonChannelFlags(uid);
        if (person.Ban) return Results.Json(new { status = ReasonBan });
        if (person.Disband) return Results.Json(new { status = ReasonDisband });
        State.SetToken(uid, flag, level, token);
        return WuKongReplies.Ok();
    }

    private static IResult SystemUids(WuKongBody body, Action<IEnumerable<string>> apply)
    {
        apply(body.Strings("uids"));
        return WuKongReplies.Ok();
    }

    /// <summary>Every user gets the node's addresses; with intranet=1 only tcp_addr, from intranet.tcpAddr. A uid parameter is ignored.</summary>
    private static Dictionary<string, object?> RouteAnswer(HttpRequest request, List<string>? uids)
    {
        int.TryParse(request.Query["intranet"], out var intranet);
        var route = new Dictionary<string, object?>
        {
            ["tcp_addr"] = intranet != 0 ? IntranetTcpAddr : ExternalTcpAddr,
            ["ws_addr"] = intranet != 0 ? "" : ExternalWsAddr,
            ["wss_addr"] = "", // WSS is off unless wssAddr is configured
        };
        if (uids != null) route["uids"] = uids;
        return route;
    }

}
