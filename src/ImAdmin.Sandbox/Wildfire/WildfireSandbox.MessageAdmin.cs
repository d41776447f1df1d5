using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

/// <summary>A user's conversation as an admin call named it.</summary>
public sealed record WildfireConversationRef(string UserId, int Type, string Target);

/// <summary>One clear_by_user call: whose messages in which conversation, and the range (0 = open).</summary>
public sealed record WildfireClear(string UserId, int Type, string Target, long StartTime, long EndTime);

/// <summary>
/// Managing sent messages (see docs/server-behaviour/wildfire.md, 'Message operations'): recall and recall_multicast exist on every server; the professional-edition
/// routes only when <see cref="SandboxOptions.WildfireProfessional"/> is on (otherwise no handler: an empty HTTP 500).
/// </summary>
public sealed partial class WildfireSandbox
{
    private readonly ConcurrentQueue<WildfireClear> _clears = new();
    private readonly ConcurrentQueue<WildfireConversationRef> _deletedConversations = new();

    /// <summary>Every clear_by_user the sandbox accepted (times in ms, 0 when not given), for assertions.</summary>
    public IReadOnlyList<WildfireClear> Clears => _clears.ToArray();

    /// <summary>Every conversation/delete the sandbox accepted, for assertions.</summary>
    public IReadOnlyList<WildfireConversationRef> DeletedConversations => _deletedConversations.ToArray();

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
        // {operator, messageUid, payload, distribute, updateTimestamp}: replaces the payload; answers no result.
        Route("POST", "/admin/message/update", body =>
        {
            var operatorId = body.Str("operator");
            var messageUid = body.Long("messageUid");
            var payload = WildfireMessagePayload.Bind(body.Obj("payload"));
            if (body == null || string.IsNullOrEmpty(operatorId) || payload == null || messageUid <= 0) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            return Messages.Update(messageUid, payload) ? WildfireReply.Ok() : WildfireReply.Fail(WildfireCodes.NotExist);
        });
        // {messages:[{sender, conversation, payload, receivers?, timestamp}]}: stored with their own times; all or nothing.
        Route("POST", "/admin/message/import", body =>
        {
            var items = body?["messages"] as JsonArray;
            if (items == null) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            var parsed = items.Select(item => item as JsonObject).Select(item => (
                Sender: item.Str("sender"), Conversation: item.Obj("conversation"), Payload: WildfireMessagePayload.Bind(item.Obj("payload")),
                Receivers: item.StrList("receivers"), Timestamp: item.Long("timestamp"))).ToList();
            if (parsed.Any(m => string.IsNullOrEmpty(m.Sender) || string.IsNullOrEmpty(m.Conversation.Str("target")) || m.Payload == null))
                return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            foreach (var m in parsed)
                Messages.Add(m.Sender!, m.Conversation.Int("type"), m.Conversation.Str("target")!, m.Conversation.Int("line"), m.Payload!, m.Receivers, m.Timestamp);
            return WildfireReply.Ok();
        });
        Route("POST", "/admin/message/delete", body =>
        {
            var messageUid = body.Long("messageUid");
            if (body == null || messageUid <= 0) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            return Messages.Delete(messageUid) ? WildfireReply.Ok() : WildfireReply.Fail(WildfireCodes.NotExist);
        });
        Route("POST", "/admin/message/delete_broadcast", body =>
        {
            var operatorId = body.Str("operator");
            var messageUid = body.Long("messageUid");
            if (body == null || string.IsNullOrEmpty(operatorId)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            return Messages.Delete(messageUid) ? WildfireReply.Ok() : WildfireReply.Fail(WildfireCodes.NotExist);
        });
        Route("POST", "/admin/message/delete_multicast", body =>
        {
            var operatorId = body.Str("operator");
            var messageUid = body.Long("messageUid");
            var receivers = body.StrList("receivers");
            if (body == null || string.IsNullOrEmpty(operatorId)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            if (receivers == null) throw new WildfireBodyException("java.lang.NullPointerException");
            return Messages.DeleteFor(messageUid, receivers) ? WildfireReply.Ok() : WildfireReply.Fail(WildfireCodes.NotExist);
        });
        // {userId, conversation, startTime?, endTime?}: one user's copy of a conversation's messages, optionally a time range.
        Route("POST", "/admin/message/clear_by_user", body =>
        {
            var userId = body.Str("userId");
            var conversation = body.Obj("conversation");
            var target = conversation.Str("target");
            if (body == null || string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(target)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            _clears.Enqueue(new WildfireClear(userId, conversation.Int("type"), target, body.Long("startTime"), body.Long("endTime")));
            return WildfireReply.Ok();
        });
        Route("POST", "/admin/conversation/delete", body =>
        {
            var userId = body.Str("userId");
            var conversation = body.Obj("conversation");
            var target = conversation.Str("target");
            if (body == null || string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(target)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            _deletedConversations.Enqueue(new WildfireConversationRef(userId, conversation.Int("type"), target));
            return WildfireReply.Ok();
        });
    }
}
