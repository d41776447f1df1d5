using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

public sealed partial class WildfireSandbox
{
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
        // GetOnlineUserCountResult: a list of {node, count}. Nobody connects to the sandbox.
        Route("POST", "/admin/user/online_count", _ => WildfireReply.Ok(new JsonArray(new JsonObject { ["node"] = 1, ["count"] = 0 })));
    }
}
