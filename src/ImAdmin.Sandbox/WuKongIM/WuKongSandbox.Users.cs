namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>Users and devices (contract §8.1-§8.5): tokens, device_quit, onlinestatus, route and system uids.</summary>
public sealed partial class WuKongSandbox
{
    private const string ExternalTcpAddr = "127.0.0.1:5100";
    private const string ExternalWsAddr = "ws://127.0.0.1:5200";
    private const string IntranetTcpAddr = "127.0.0.1:15100";

    private void MapUsers(WebApplication app)
    {
        app.MapPost("/user/token", SetTokenAsync);
        app.MapPost("/user/device_quit", async (HttpRequest request) =>
        {
            var body = await GoBody.ReadAsync(request);
            var uid = body.String("uid");
            var flag = body.Int("device_flag");
            if (body.Error != null) return WuKongGin.Error(body.Error);
            // -1 means app, web and pc; nothing is validated and a missing device is still OK.
            foreach (var f in flag == -1 ? [0, 1, 2] : new[] { flag }) State.QuitDevice(uid, f);
            return WuKongGin.Ok();
        });
        app.MapPost("/user/onlinestatus", async (HttpRequest request) =>
        {
            var body = await GoBody.ReadAsync(request);
            var uids = body.StringList();
            if (body.Error != null) return WuKongGin.Error(body.Error);
            if (uids.Count == 0) return WuKongGin.Ok();
            return WuKongGin.Json(uids.SelectMany(State.ConnectionsOf)
                .Select(c => new Dictionary<string, object> { ["uid"] = c.Uid, ["device_flag"] = c.DeviceFlag, ["online"] = 1 }).ToList());
        });
        app.MapGet("/route", (HttpRequest request) => WuKongGin.Json(RouteAnswer(request, null)));
        app.MapPost("/route/batch", async (HttpRequest request) =>
        {
            var body = await GoBody.ReadAsync(request);
            var uids = body.StringList();
            if (body.Error != null) return WuKongGin.Error("数据格式有误！");
            return WuKongGin.Json(new[] { RouteAnswer(request, uids) });
        });
        app.MapPost("/user/systemuids_add", (HttpRequest request) => SystemUidsAsync(request, State.AddSystemUids));
        app.MapPost("/user/systemuids_remove", (HttpRequest request) => SystemUidsAsync(request, State.RemoveSystemUids));
        app.MapGet("/user/systemuids", () =>
        {
            var uids = State.SystemUids;
            return WuKongGin.Json(uids.Count == 0 ? null : uids); // null, not [], when there are none
        });
    }

    /// <summary>Checks in the server's order: decoding, uid, token, special characters, system uid, then the person channel's ban/disband (HTTP 200 with a reason code).</summary>
    private async Task<IResult> SetTokenAsync(HttpRequest request)
    {
        var body = await GoBody.ReadAsync(request);
        var uid = body.String("uid");
        var token = body.String("token");
        var flag = body.UInt8("device_flag");
        var level = body.UInt8("device_level");
        if (body.Error != null) return WuKongGin.Error(body.Error);
        if (uid.Length == 0) return WuKongGin.Error("uid不能为空！");
        if (token.Length == 0) return WuKongGin.Error("token不能为空！");
        if (uid.IndexOfAny(['@', '#', '&']) >= 0) return WuKongGin.Error("uid不能包含特殊字符！");
        if (uid == "____system") return WuKongGin.Error("系统账号不允许更新token！");
        var person = State.PersonChannelFlags(uid);
        if (person.Ban) return WuKongGin.Status(19);
        if (person.Disband) return WuKongGin.Status(24);
        State.SetToken(uid, flag, level, token);
        return WuKongGin.Ok();
    }

    private static async Task<IResult> SystemUidsAsync(HttpRequest request, Action<IEnumerable<string>> apply)
    {
        var body = await GoBody.ReadAsync(request);
        var uids = body.Strings("uids");
        if (body.Error != null) return WuKongGin.Error(body.Error);
        apply(uids); // an empty list is a no-op that still answers OK
        return WuKongGin.Ok();
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
