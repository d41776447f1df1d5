using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Webhooks;

/// <summary>
/// Realistic WildfireChat callback bodies (see docs/server-behaviour/wildfire.md, 'Callbacks'), with the server code's field names (operatorId,
/// memberIds[], snake_case groupInfo). Wildfire posts them as they are, unsigned, without retries.
/// </summary>
public static class WildfireCallbackSamples
{
    private static long _nextMessageId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() << 10;

    private static readonly Dictionary<string, Func<SampleParties, JsonObject>> Builders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["message.forward"] = Message,
        ["message.recall"] = p => new() { ["message"] = Message(p), ["userId"] = p.UserId, ["timestamp"] = Now(), ["isAdmin"] = false },
        ["user.online_status"] = p => new()
        {
            ["userId"] = p.UserId, ["clientId"] = "client-" + p.UserId, ["platform"] = 2, ["status"] = 0, ["timestamp"] = Now(),
            ["packageName"] = "cn.wildfirechat.chat", ["customState"] = 0, ["customText"] = "",
            ["sessions"] = new JsonArray(new JsonObject
            {
                ["clientId"] = "client-" + p.UserId, ["userId"] = p.UserId, ["platform"] = 2, ["status"] = 0, ["lastSeen"] = Now(), ["packageName"] = "cn.wildfirechat.chat",
            }),
        },
        ["user.info_update"] = p => new()
        {
            ["userId"] = p.UserId, ["name"] = p.UserId, ["displayName"] = "Sandbox " + p.UserId, ["portrait"] = "https://example.invalid/a.png",
            ["gender"] = 1, ["mobile"] = "13800000000", ["email"] = p.UserId + "@example.invalid", ["address"] = "", ["company"] = "ImAdmin",
            ["social"] = "", ["extra"] = "{}", ["type"] = 0, ["updateDt"] = Now(),
        },
        ["relation.update"] = p => new() { ["userId"] = p.UserId, ["targetId"] = p.PeerId, ["type"] = 2, ["value"] = "1" },
        ["group.info_update"] = p => new()
        {
            ["operatorId"] = p.UserId, ["groupId"] = p.GroupId, ["type"] = 0,
            ["groupInfo"] = new JsonObject
            {
                ["target_id"] = p.GroupId, ["name"] = "sandbox group", ["portrait"] = "", ["owner"] = p.UserId, ["type"] = 2, ["extra"] = "",
                ["mute"] = 0, ["join_type"] = 0, ["private_chat"] = 0, ["searchable"] = 0, ["max_member_count"] = 2000, ["history_message"] = 0, ["super_group"] = 0,
            },
        },
        ["group.member_update"] = p => new()
        {
            ["operatorId"] = p.UserId, ["groupId"] = p.GroupId, ["memberIds"] = new JsonArray(p.PeerId, "user-c"), ["type"] = 0, ["value"] = "",
        },
        ["channel.info_update"] = p => new() { ["operatorId"] = p.UserId, ["channelId"] = "channel-" + p.GroupId, ["type"] = 0 },
        ["channel.subscribe"] = p => new() { ["userId"] = p.PeerId, ["channelId"] = "channel-" + p.GroupId, ["status"] = 1 },
        ["chatroom.info_update"] = p => new() { ["chatroomId"] = "room-" + p.GroupId, ["type"] = 0 },
        ["chatroom.member_update"] = p => new()
        {
            ["operatorId"] = p.UserId, ["chatroomId"] = "room-" + p.GroupId, ["memberIds"] = new JsonArray(p.PeerId), ["type"] = 0,
        },
    };

    public static IReadOnlyCollection<string> Events => Builders.Keys;

    public static JsonObject? Build(string eventName, SampleParties parties) =>
        Builders.TryGetValue(eventName, out var build) ? build(parties) : null;

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>OutputMessageData of a text message from UserId to PeerId, with client info.</summary>
    private static JsonObject Message(SampleParties p) => new()
    {
        ["messageId"] = Interlocked.Increment(ref _nextMessageId),
        ["sender"] = p.UserId,
        ["conv"] = new JsonObject { ["type"] = 0, ["target"] = p.PeerId, ["line"] = 0 },
        ["payload"] = new JsonObject
        {
            ["type"] = 1, ["searchableContent"] = p.Text, ["pushContent"] = "", ["content"] = "", ["mediaType"] = 0,
            ["persistFlag"] = 3, ["expireDuration"] = 0, ["mentionedType"] = 0, ["mentionedTarget"] = new JsonArray(),
        },
        ["toUsers"] = new JsonArray(p.PeerId),
        ["timestamp"] = Now(),
        ["client"] = new JsonObject { ["platform"] = 2, ["clientId"] = "client-" + p.UserId },
    };
}
