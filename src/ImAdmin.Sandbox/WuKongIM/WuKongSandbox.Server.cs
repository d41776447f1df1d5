namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>GET /health, /varz and /migrate/result (see docs/server-behaviour/wukongim.md, 'Server state').</summary>
public sealed partial class WuKongSandbox
{
    private void MapServer(WebApplication app)
    {
        app.MapGet("/health", () => Results.Json(new { status = "ok" }));
        app.MapGet("/varz", (HttpRequest request) =>
        {
            ulong.TryParse(request.Query["node_id"], out var nodeId);
            if (nodeId == 0) nodeId = WuKongState.LocalNodeId;
            if (!WuKongState.IsNode(nodeId)) return WuKongReplies.BadRequest("node not found");
            int.TryParse(request.Query["conn_limit"], out var connLimit);
            if (connLimit == 0) connLimit = 20;
            if (connLimit < 0) return Results.StatusCode(500); // a negative slice bound panics in the server
            return Results.Json(Varz(nodeId, request.Query["show"] == "conn" ? connLimit : (int?)null));
        });
        app.MapGet("/migrate/result", () =>
        {
            var m = State.Migration;
            return Results.Json(new Dictionary<string, object?>
            {
                ["status"] = m.Status,
                ["step"] = m.Step,
                ["last_err"] = m.HasError ? new Dictionary<string, object>() : null, // a Go error marshals as {}
                ["try_count"] = m.TryCount,
            });
        });
    }

    private Dictionary<string, object?> Varz(ulong nodeId, int? connLimit)
    {
        var seen = State.ConnectionsSeenBy(nodeId);
        var varz = new Dictionary<string, object?>
        {
            ["server_id"] = nodeId.ToString(),
            ["server_name"] = "WuKongIM",
            ["version"] = options.WuKongVersion,
            ["connections"] = State.LocalSockets(nodeId),
            ["user_handler_count"] = seen.Select(c => c.Uid).Distinct().Count(),
            ["user_handler_conn_count"] = seen.Count,
            ["uptime"] = GoFormat.Uptime(State.Uptime),
            ["goroutine"] = 187,
            ["mem"] = Environment.WorkingSet,
            ["cpu"] = 1.5,
            ["in_msgs"] = seen.Sum(c => c.InMsgs),
            ["out_msgs"] = seen.Sum(c => c.OutMsgs),
            ["in_bytes"] = seen.Sum(c => c.InMsgBytes),
            ["out_bytes"] = seen.Sum(c => c.OutMsgBytes),
            ["slow_clients"] = 0,
            ["retry_queue"] = 0,
            ["tcp_addr"] = ExternalTcpAddr,
            ["ws_addr"] = ExternalWsAddr,
            ["wss_addr"] = "",
            ["manager_addr"] = "http://127.0.0.1:5300",
            ["manager_on"] = 1,
            ["commit"] = "a888f89533d0e7d1b2030e06504ca97f1ad891d4",
            ["commit_date"] = "2026-04-22T00:00:00Z",
            ["tree_state"] = "clean",
            ["api_url"] = "http://127.0.0.1:5001",
            ["manager_uid"] = "____manager",
            ["manager_token_on"] = options.WuKongToken == null ? 0 : 1,
            ["conversation_cache_count"] = 0,
        };
        // conns is omitempty: absent unless show=conn found connections; entries lack address, leader and proxy type.
        var top = connLimit.HasValue ? seen.OrderByDescending(c => c.InMsgs).Take(connLimit.Value).ToList() : [];
        if (top.Count > 0) varz["conns"] = top.Select(c => ConnInfo(c, nodeId, detailed: false)).ToList();
        return varz;
    }
}
