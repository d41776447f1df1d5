using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Webhooks;

/// <summary>Who a sample event is about.</summary>
public sealed record SampleParties(string UserId = "user-a", string PeerId = "user-b", string GroupId = "@TGS#2SANDBOX", string Text = "hello from the sandbox");

/// <summary>Realistic bodies for every Tencent callback of seed 002 plus Group.CallbackOnMemberStateChange and Alert.RequestOverLimit.</summary>
public static class TencentCallbackSamples
{
    private static readonly Dictionary<string, Func<SampleParties, JsonObject>> Builders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["State.StateChange"] = p => new()
        {
            ["Info"] = new JsonObject { ["Action"] = "Login", ["To_Account"] = p.UserId, ["Reason"] = "Register" },
            ["KickedDevice"] = new JsonArray(new JsonObject { ["Platform"] = "Windows" }, new JsonObject { ["Platform"] = "Mac" }),
        },
        ["Sns.CallbackPrevFriendAdd"] = p => new()
        {
            ["Requester_Account"] = p.UserId,
            ["From_Account"] = p.UserId,
            ["FriendItem"] = new JsonArray(new JsonObject
            {
                ["To_Account"] = p.PeerId, ["Remark"] = "colleague", ["GroupName"] = "work", ["AddSource"] = "AddSource_Type_Android", ["AddWording"] = "hi, it's me",
            }),
            ["AddType"] = "Add_Type_Both",
            ["ForceAddFlags"] = 0,
        },
        ["Sns.CallbackPrevFriendResponse"] = p => new()
        {
            ["Requester_Account"] = p.PeerId,
            ["From_Account"] = p.PeerId,
            ["ResponseFriendItem"] = new JsonArray(new JsonObject
            {
                ["To_Account"] = p.UserId, ["Remark"] = "old friend", ["TagName"] = "friends", ["ResponseAction"] = "Response_Action_AgreeAndAdd",
            }),
        },
        ["Sns.CallbackFriendAdd"] = p => new()
        {
            ["ClientCmd"] = "friend_add",
            ["Admin_Account"] = "",
            ["ForceFlag"] = 0,
            ["PairList"] = new JsonArray(
                new JsonObject { ["From_Account"] = p.UserId, ["To_Account"] = p.PeerId, ["Initiator_Account"] = p.UserId },
                new JsonObject { ["From_Account"] = p.PeerId, ["To_Account"] = p.UserId, ["Initiator_Account"] = p.UserId }),
        },
        ["Sns.CallbackFriendDelete"] = Pairs,
        ["Sns.CallbackBlackListAdd"] = Pairs,
        ["Sns.CallbackBlackListDelete"] = Pairs,
        ["C2C.CallbackBeforeSendMsg"] = p => Private(p),
        ["C2C.CallbackAfterSendMsg"] = p =>
        {
            var body = Private(p);
            body["SendMsgResult"] = 0;
            body["ErrorInfo"] = "send msg succeed";
            body["UnreadMsgNum"] = 3;
            return body;
        },
        ["C2C.CallbackAfterMsgReport"] = p => new()
        {
            ["Report_Account"] = p.PeerId, ["Peer_Account"] = p.UserId, ["LastReadTime"] = Now(), ["UnreadMsgNum"] = 0,
        },
        ["C2C.CallbackAfterMsgWithDraw"] = p => new()
        {
            ["From_Account"] = p.UserId, ["To_Account"] = p.PeerId, ["MsgKey"] = MsgKey(), ["UnreadMsgNum"] = 0,
        },
        ["Group.CallbackBeforeCreateGroup"] = p => Creation(p),
        ["Group.CallbackAfterCreateGroup"] = p =>
        {
            var body = Creation(p);
            body["GroupId"] = p.GroupId;
            body["UserDefinedDataList"] = new JsonArray(new JsonObject { ["Key"] = "topic", ["Value"] = "sandbox" });
            return body;
        },
        ["Group.CallbackBeforeApplyJoinGroup"] = p => new() { ["GroupId"] = p.GroupId, ["Type"] = "Public", ["Requestor_Account"] = p.PeerId },
        ["Group.CallbackBeforeInviteJoinGroup"] = p => new()
        {
            ["GroupId"] = p.GroupId, ["Type"] = "Public", ["Operator_Account"] = p.UserId, ["DestinationMembers"] = Members(p.PeerId),
        },
        ["Group.CallbackAfterNewMemberJoin"] = p => new()
        {
            ["GroupId"] = p.GroupId, ["Type"] = "Public", ["JoinType"] = "Invited", ["Operator_Account"] = p.UserId, ["NewMemberList"] = Members(p.PeerId),
        },
        ["Group.CallbackAfterMemberExit"] = p => new()
        {
            ["GroupId"] = p.GroupId, ["Type"] = "Public", ["ExitType"] = "Kicked", ["Operator_Account"] = p.UserId, ["ExitMemberList"] = Members(p.PeerId),
        },
        ["Group.CallbackBeforeSendMsg"] = p => Group(p),
        ["Group.CallbackAfterSendMsg"] = p =>
        {
            var body = Group(p);
            body["MsgSeq"] = 1024;
            body["MsgTime"] = Now();
            return body;
        },
        ["Group.CallbackAfterGroupFull"] = p => new() { ["GroupId"] = p.GroupId },
        ["Group.CallbackAfterGroupDestroyed"] = p => new()
        {
            ["GroupId"] = p.GroupId, ["Type"] = "Public", ["Owner_Account"] = p.UserId, ["Name"] = "sandbox group", ["MemberList"] = Members(p.UserId, p.PeerId),
        },
        ["Group.CallbackAfterGroupInfoChanged"] = p => new()
        {
            ["GroupId"] = p.GroupId, ["Type"] = "Public", ["Operator_Account"] = p.UserId, ["Notification"] = "new notice: " + p.Text,
        },
        ["Group.CallbackOnMemberStateChange"] = p => new()
        {
            ["GroupId"] = p.GroupId, ["EventType"] = "Offline", ["EventCause"] = "HeartbeatInterrupt", ["MemberList"] = Members(p.PeerId),
        },
        ["Alert.RequestOverLimit"] = _ => new() { ["ServiceName"] = "openim", ["Command"] = "batchsendmsg", ["Request"] = 510, ["Limit"] = 200 },
    };

    public static IReadOnlyCollection<string> Commands => Builders.Keys;

    /// <summary>The body of <paramref name="command"/> with CallbackCommand and EventTime (ms), or null for an unknown command.</summary>
    public static JsonObject? Build(string command, SampleParties parties)
    {
        if (!Builders.TryGetValue(command, out var build)) return null;
        var body = new JsonObject { ["CallbackCommand"] = command, ["EventTime"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() };
        foreach (var (name, value) in build(parties)) body[name] = value?.DeepClone();
        return body;
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static string MsgKey() => $"{Random.Shared.Next(1, 1 << 30)}_{Random.Shared.Next(1, 1 << 30)}_{Now()}";

    private static JsonArray Members(params string[] users) => new(users.Select(u => (JsonNode)new JsonObject { ["Member_Account"] = u }).ToArray());

    private static JsonObject Pairs(SampleParties p) => new()
    {
        ["PairList"] = new JsonArray(new JsonObject { ["From_Account"] = p.UserId, ["To_Account"] = p.PeerId }),
    };

    private static JsonArray Text(string text) => new(new JsonObject { ["MsgType"] = "TIMTextElem", ["MsgContent"] = new JsonObject { ["Text"] = text } });

    private static JsonObject Private(SampleParties p) => new()
    {
        ["From_Account"] = p.UserId,
        ["To_Account"] = p.PeerId,
        ["MsgSeq"] = 48374,
        ["MsgRandom"] = Random.Shared.Next(),
        ["MsgTime"] = Now(),
        ["MsgKey"] = MsgKey(),
        ["OnlineOnlyFlag"] = 0,
        ["MsgBody"] = Text(p.Text),
        ["CloudCustomData"] = "your cloud custom data",
    };

    private static JsonObject Group(SampleParties p) => new()
    {
        ["GroupId"] = p.GroupId,
        ["Type"] = "Public",
        ["From_Account"] = p.UserId,
        ["Operator_Account"] = p.UserId,
        ["Random"] = Random.Shared.Next(),
        ["OnlineOnlyFlag"] = 0,
        ["MsgBody"] = Text(p.Text),
    };

    private static JsonObject Creation(SampleParties p) => new()
    {
        ["Operator_Account"] = p.UserId,
        ["Owner_Account"] = p.UserId,
        ["Type"] = "Public",
        ["Name"] = "sandbox group",
        ["CreateGroupNum"] = 1,
        ["MemberList"] = Members(p.UserId, p.PeerId),
    };
}
