using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

public sealed partial class WildfireSandbox
{
    /// <summary>The only node id of a community server; online_list refuses any other with 251.</summary>
    private const int NodeId = 1;

    private void MapServerRoutes()
    {
        // The one GET route; its result is an array of nodes (HealthCheckResult).
        Route("GET", "/admin/health", _ => WildfireReply.Ok(new JsonArray(new JsonObject
        {
            ["node"] = "1",
            ["cpu"] = new JsonObject { ["cores"] = Environment.ProcessorCount, ["load"] = 0.5 },
            ["memory"] = new JsonObject { ["free"] = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes - GC.GetTotalMemory(false), ["max"] = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, ["avail"] = GC.GetTotalMemory(false) },
            ["disk"] = new JsonObject { ["space"] = 100L << 30, ["free"] = 50L << 30, ["usable"] = 50L << 30 },
        })));
        // GetOnlineUserCountResult: a list of {node, count}; count is connections, not distinct users. The body is not read.
        Route("POST", "/admin/user/online_count", _ => WildfireReply.Ok(new JsonArray(new JsonObject { ["node"] = NodeId, ["count"] = ClientSessions.Online.Count })));
        // {nodeId, offset, count} -> {userClients:[{userId, clientId, platform}], totalCount, offset}.
        Route("POST", "/admin/user/online_list", body =>
        {
            // The handler reads the fields of a null body, and a negative offset or count breaks its sublist.
            if (body == null) throw new WildfireBodyException("java.lang.NullPointerException");
            var nodeId = body.Int("nodeId");
            var offset = body.Int("offset");
            var count = body.Int("count");
            if (nodeId != NodeId) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            var online = ClientSessions.Online;
            if (offset < 0 || (count < 0 && online.Count > offset)) throw new WildfireBodyException($"java.lang.IllegalArgumentException: fromIndex({offset}) > toIndex({offset + count})");
            var page = online.Skip(offset).Take(Math.Max(count, 0))
                .Select(s => (JsonNode)new JsonObject { ["userId"] = s.UserId, ["clientId"] = s.ClientId, ["platform"] = s.Platform }).ToArray();
            return WildfireReply.Ok(new JsonObject { ["userClients"] = new JsonArray(page), ["totalCount"] = online.Count, ["offset"] = offset });
        });
    }
}
