using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

/// <summary>
/// Professional-edition (or newer) conv_read and delivery. Nobody connects to the sandbox, so nothing is read or delivered
/// unless a test says so through <see cref="ReadTimes"/> and <see cref="DeliveryTimes"/>; unknown ones answer 0.
/// </summary>
public sealed partial class WildfireSandbox
{
    /// <summary>Read times in ms per (user, conversation type, target, line).</summary>
    public ConcurrentDictionary<(string UserId, int Type, string Target, int Line), long> ReadTimes { get; } = new();

    /// <summary>Delivery times in ms per user.</summary>
    public ConcurrentDictionary<string, long> DeliveryTimes { get; } = new(StringComparer.Ordinal);

    private void MapReceiptRoutes()
    {
        if (!options.WildfireProfessional) return;

        // The POJO (InputGetConvReadTime) binds conversationType; the docs' "type" is not read.
        Route("POST", "/admin/message/conv_read", body =>
        {
            var userId = body.Str("userId");
            var target = body.Str("target");
            if (body == null || string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(target)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            var key = (userId, body.Int("conversationType"), target, body.Int("line"));
            return WildfireReply.Ok(new JsonObject { ["timestamp"] = ReadTimes.TryGetValue(key, out var ms) ? ms : 0 });
        });
        Route("POST", "/admin/message/delivery", body =>
        {
            var userId = body.Str("userId");
            if (body == null || string.IsNullOrEmpty(userId)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            return WildfireReply.Ok(new JsonObject { ["timestamp"] = DeliveryTimes.TryGetValue(userId, out var ms) ? ms : 0 });
        });
    }
}
