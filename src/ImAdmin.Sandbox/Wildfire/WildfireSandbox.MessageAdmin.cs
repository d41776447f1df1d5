using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

/// <summary>
/// Managing sent messages (contract §4.3): recall and recall_multicast exist on every server; the professional-edition
/// routes only when <see cref="SandboxOptions.WildfireProfessional"/> is on (otherwise no handler: an empty HTTP 500).
/// </summary>
public sealed partial class WildfireSandbox
{
    private void MapMessageAdminRoutes()
    {
        Route("POST", "/admin/message/recall_multicast", body =>
        {
            var operatorId = body.Str("operator");
            var messageUid = body.Long("messageUid");
            var receivers = body.StrList("receivers");
            if (body == null || string.IsNullOrEmpty(operatorId)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            // The handler passes the list on unchecked.
            if (receivers == null) throw new WildfireBodyException("java.lang.NullPointerException");
            return Messages.RecallFor(messageUid, receivers) ? WildfireReply.Ok() : WildfireReply.Fail(WildfireCodes.NotExist);
        });
        if (!options.WildfireProfessional) return;

        Route("POST", "/admin/message/recall_broadcast", body =>
        {
            var operatorId = body.Str("operator");
            var messageUid = body.Long("messageUid");
            if (body == null || string.IsNullOrEmpty(operatorId)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            return Messages.Recall(messageUid, operatorId) == null ? WildfireReply.Fail(WildfireCodes.NotExist) : WildfireReply.Ok();
        });
    }
}
