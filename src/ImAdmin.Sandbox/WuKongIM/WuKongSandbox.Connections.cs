using System.Text.Json.Serialization;

namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>GET /connz, POST /conn/kick and /conn/remove (see docs/server-behaviour/wukongim.md, 'Connections'), and the control route that adds connections.</summary>
public sealed partial class WuKongSandbox
{
    /// <summary>The server's sort keys. Like the server, "uptime" sorts by connect time and "idle" by last activity.</summary>
    private static readonly Dictionary<string, Func<WuKongConnection, long>> ConnzSorts = new()
    {
        ["id"] = c => c.Id, ["inMsg"] = c => c.InMsgs, ["outMsg"] = c => c.OutMsgs, ["inMsgBytes"] = c => c.InMsgBytes,
        ["outMsgBytes"] = c => c.OutMsgBytes, ["inPacket"] = c => c.InPackets, ["outPacket"] = c => c.OutPackets,
        ["inPacketBytes"] = c => c.InPacketBytes, ["outPacketBytes"] = c => c.OutPacketBytes,
        ["uptime"] = c => c.ConnectedAt.UtcTicks, ["idle"] = c => c.LastActivity.UtcTicks, ["protoVersion"] = c => c.ProtoVersion,
    };

    private void MapConnections(WebApplication app)
    {
        app.MapGet("/connz", (HttpRequest request) =>
        {
            // The server parses these leniently: junk reads as 0, and a limit of 0 or less means 20.
            long.TryParse(request.Query["offset"], out var offset);
            long.TryParse(request.Query["limit"], out var limit);
            if (limit <= 0) limit = 20;
            ulong.TryParse(request.Query["node_id"], out var nodeId);
            if (nodeId == 0) nodeId = WuKongState.LocalNodeId;
            if (!WuKongState.IsNode(nodeId)) return WuKongReplies.BadRequest("节点不存在！");
            if (offset < 0) return Results.StatusCode(500); // Go slices with a negative bound panic; gin recovers with an empty 500

            var uid = request.Query["uid"].ToString();
            var listed = State.ConnectionsSeenBy(nodeId).Where(c => uid.Trim().Length == 0 || c.Uid.Contains(uid, StringComparison.Ordinal));
            listed = SortConnz(listed, request.Query["sort"].ToString());
            var page = listed.Skip((int)Math.Min(offset, int.MaxValue)).Take((int)Math.Min(limit, int.MaxValue));
            return Results.Json(new Dictionary<string, object>
            {
                ["connections"] = page.Select(c => ConnInfo(c, nodeId, detailed: true)).ToList(),
                ["now"] = GoFormat.Time(DateTimeOffset.UtcNow),
                ["total"] = State.LocalSockets(nodeId),
                ["offset"] = offset,
                ["limit"] = limit,
            });
        });
        app.MapWuKongPost("/conn/kick", (body, _) => CloseConnection(body, "kick"));
        app.MapWuKongPost("/conn/remove", (body, _) => CloseConnection(body, "remove"));

        app.MapPost("/_sandbox/wukongim/connections", (NewConnection c) => Results.Ok(ConnInfo(State.AddConnection(new WuKongConnection
        {
            Uid = c.Uid, DeviceFlag = c.DeviceFlag, DeviceLevel = c.DeviceLevel, NodeId = c.NodeId,
            DeviceId = c.DeviceId ?? Guid.NewGuid().ToString("N"), InMsgs = c.InMsgs, OutMsgs = c.OutMsgs,
        }), WuKongState.LocalNodeId, detailed: true)));
        app.MapDelete("/_sandbox/wukongim/connections", () =>
        {
            State.ClearConnections();
            return Results.NoContent();
        });
    }

    /// <summary>Unknown sort values leave the list unsorted, as the server does; "Desc" suffixes reverse.</summary>
    private static IEnumerable<WuKongConnection> SortConnz(IEnumerable<WuKongConnection> connections, string sort)
    {
        if (sort.Length == 0) sort = "id";
        var descending = sort.EndsWith("Desc", StringComparison.Ordinal);
        if (!ConnzSorts.TryGetValue(descending ? sort[..^4] : sort, out var key)) return connections;
        return descending ? connections.OrderByDescending(key) : connections.OrderBy(key);
    }

    /// <summary>
    /// Both routes: bind, forward to op_node_id when it names another node (unknown: 400 "node not found"), refuse
    /// conn_id 0, then close the connection if the serving node holds it. Not found is still OK.
    /// </summary>
    private IResult CloseConnection(WuKongBody body, string reason)
    {
        var uid = body.Str("uid");
        var connId = body.Long("conn_id");
        var nodeId = body.ULong("node_id");
        var opNodeId = body.ULong("op_node_id");
        var serving = WuKongState.LocalNodeId;
        if (opNodeId != 0 && opNodeId != serving)
        {
            if (!WuKongState.IsNode(opNodeId)) return WuKongReplies.BadRequest("node not found");
            serving = opNodeId;
        }
        if (connId == 0) return WuKongReplies.BadRequest("conn_id is 0");
        if (nodeId == 0) nodeId = serving;
        // Only the node holding the socket can close it: a call that names another node without op_node_id
        // (what the SDK sends) reaches nothing and is still answered OK.
        State.CloseConnections(c => c.Id == connId && c.Uid == uid && c.NodeId == nodeId && nodeId == serving, reason);
        return WuKongReplies.Ok();
    }

    /// <summary>
    /// A connz entry. /varz?show=conn entries are built without the address, leader and proxy type
    /// (<paramref name="detailed"/> false), as the server's varz handler does.
    /// </summary>
    private static Dictionary<string, object> ConnInfo(WuKongConnection c, ulong servingNode, bool detailed)
    {
        var now = DateTimeOffset.UtcNow;
        return new Dictionary<string, object>
        {
            ["id"] = c.Id,
            ["uid"] = c.Uid,
            ["ip"] = detailed ? (c.NodeId == servingNode ? c.Ip : "127.0.0.1") : "",
            ["port"] = detailed ? (c.NodeId == servingNode ? c.Port : 11110) : 0,
            ["last_activity"] = GoFormat.Seconds(c.LastActivity),
            ["uptime"] = GoFormat.Uptime(now - c.ConnectedAt),
            ["idle"] = GoFormat.Uptime(now - c.LastActivity),
            ["pending_bytes"] = 0,
            ["in_msgs"] = c.InMsgs,
            ["out_msgs"] = c.OutMsgs,
            ["in_msg_bytes"] = c.InMsgBytes,
            ["out_msg_bytes"] = c.OutMsgBytes,
            ["in_packets"] = c.InPackets,
            ["out_packets"] = c.OutPackets,
            ["in_packet_bytes"] = c.InPacketBytes,
            ["out_packet_bytes"] = c.OutPacketBytes,
            ["device"] = DeviceText(c.DeviceFlag, c.DeviceLevel),
            ["device_id"] = c.DeviceId,
            ["version"] = c.ProtoVersion,
            ["proxy_type_format"] = !detailed ? "" : c.NodeId == servingNode ? "本地连接" : $"源节点：{c.NodeId}",
            ["leader_id"] = detailed ? WuKongState.LeaderOf(c.Uid) : 0UL,
            ["node_id"] = c.NodeId,
        };
    }

    /// <summary>The server's device(): the kind, then 主 (master) or 从 (slave) in brackets; 未知 for an unknown kind.</summary>
    private static string DeviceText(int flag, int level) =>
        (flag switch { 0 => "App", 1 => "Web", 2 => "PC", _ => "未知" }) + (level == 0 ? "(从)" : "(主)");

    /// <summary>Body of the control route that adds a connection (snake_case like the WuKongIM API).</summary>
    private sealed record NewConnection(
        [property: JsonPropertyName("uid")] string Uid,
        [property: JsonPropertyName("device_flag")] int DeviceFlag = 0,
        [property: JsonPropertyName("device_level")] int DeviceLevel = 1,
        [property: JsonPropertyName("node_id")] ulong NodeId = 0,
        [property: JsonPropertyName("device_id")] string? DeviceId = null,
        [property: JsonPropertyName("in_msgs")] long InMsgs = 0,
        [property: JsonPropertyName("out_msgs")] long OutMsgs = 0);
}
