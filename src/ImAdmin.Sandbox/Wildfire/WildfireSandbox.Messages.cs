using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

public sealed partial class WildfireSandbox
{
    private const int MaxConversationType = 6;

    private void MapMessageRoutes()
    {
        Route("POST", "/admin/message/send", Send);
        Route("POST", "/admin/message/multicast", Multicast);
        Route("POST", "/admin/message/broadcast", Broadcast);
        Route("POST", "/admin/message/get_one", body =>
        {
            var messageUid = body.Long("messageUid");
            if (body == null || messageUid <= 0) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            var message = Messages.Find(messageUid);
            return message == null ? WildfireReply.Fail(WildfireCodes.NotExist) : WildfireReply.Ok(message.ToOutput());
        });
        // Admin recall has no time limit; its result is a JSON *string* holding a snapshot of the original.
        Route("POST", "/admin/message/recall", body =>
        {
            var operatorId = body.Str("operator");
            var messageUid = body.Long("messageUid");
            if (body == null || string.IsNullOrEmpty(operatorId)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            var snapshot = Messages.Recall(messageUid, operatorId);
            return snapshot == null ? WildfireReply.Fail(WildfireCodes.NotExist) : WildfireReply.Ok(JsonValue.Create(snapshot));
        });
    }

    /// <summary>
    /// {sender, conv{type,target,line}, payload, toUsers}. Admin sends skip membership, mute, blacklist and sensitive-word
    /// checks; the sender may be any id, the target must exist.
    /// </summary>
    private WildfireReply Send(JsonObject? body)
    {
        // Gson binds the whole body before the handler validates anything.
        var sender = body.Str("sender");
        var conv = body.Obj("conv");
        var type = conv.Int("type");
        var target = conv.Str("target");
        var line = conv.Int("line");
        var payload = WildfireMessagePayload.Bind(body.Obj("payload"));
        var toUsers = body.StrList("toUsers");

        if (body == null || conv == null || payload == null || string.IsNullOrEmpty(target) || string.IsNullOrEmpty(sender))
            return WildfireReply.Fail(WildfireCodes.InvalidParameter);
        if (type is < 0 or > MaxConversationType) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
        if (!Directory.Exists(type, target)) return WildfireReply.Fail(WildfireCodes.NotExist);

        var message = Messages.Add(sender, type, target, line, payload, toUsers, options.Now().ToUnixTimeMilliseconds());
        return WildfireReply.Ok(new JsonObject { ["messageUid"] = message.MessageUid, ["timestamp"] = message.Timestamp });
    }

    /// <summary>{sender, targets, line, payload}: one message, privately to each target. The server never checks targets.</summary>
    private WildfireReply Multicast(JsonObject? body)
    {
        var sender = body.Str("sender");
        var line = body.Int("line");
        var payload = WildfireMessagePayload.Bind(body.Obj("payload"));
        var targets = body.StrList("targets");

        if (body == null || string.IsNullOrEmpty(sender) || payload == null) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
        // The handler hands the list to protobuf's addAllTo without a check.
        if (targets == null) throw new WildfireBodyException("java.lang.NullPointerException");

        var message = Messages.Add(sender, 0, sender, line, payload, targets, options.Now().ToUnixTimeMilliseconds());
        return WildfireReply.Ok(new JsonObject { ["messageUid"] = message.MessageUid, ["timestamp"] = message.Timestamp });
    }

    /// <summary>{sender, line, payload}: one message privately to every user but the sender; answers {messageUid, count}.</summary>
    private WildfireReply Broadcast(JsonObject? body)
    {
        var sender = body.Str("sender");
        var line = body.Int("line");
        var payload = WildfireMessagePayload.Bind(body.Obj("payload"));

        if (body == null || string.IsNullOrEmpty(sender) || payload == null) return WildfireReply.Fail(WildfireCodes.InvalidParameter);

        var recipients = Directory.UserIds.Where(u => u != sender).ToList();
        var message = Messages.Add(sender, 0, sender, line, payload, null, options.Now().ToUnixTimeMilliseconds());
        return WildfireReply.Ok(new JsonObject { ["messageUid"] = message.MessageUid, ["count"] = recipients.Count });
    }
}
