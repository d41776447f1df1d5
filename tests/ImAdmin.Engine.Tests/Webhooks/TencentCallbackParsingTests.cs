using System.Text;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Webhooks;

namespace ImAdmin.Engine.Tests.Webhooks;

/// <summary>Every callback struct of seed 002 (plus two newer commands; see docs/server-behaviour/tencent.md, 'Callbacks'), with the query string Tencent appends.</summary>
public sealed class TencentCallbackParsingTests
{
    private const string Query = "SdkAppid=1400000000&CallbackCommand={0}&contenttype=json&ClientIP=203.0.113.7&OptPlatform=iOS";

    private static T Read<T>(string command, string body) where T : class
    {
        var result = WebhookParser.Parse(
            new WebhookRequest(ImProvider.TencentCloud, body, null, WebhookQuery.Parse(string.Format(Query, command))),
            new WebhookParseOptions());
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.Equal(command, result.Event);
        var ev = Assert.IsAssignableFrom<T>(Assert.Single(result.Events));
        var callback = (IImWebhookEvent)ev;
        Assert.Equal(ImProvider.TencentCloud, callback.Provider);
        Assert.Equal(command, callback.Event);
        return ev;
    }

    private static void AssertContext(TencentCallbackEvent ev)
    {
        Assert.Equal(1400000000, ev.SdkAppId);
        Assert.Equal("203.0.113.7", ev.ClientIP);
        Assert.Equal("iOS", ev.OptPlatform);
    }

    [Fact]
    public void StateChange()
    {
        var ev = Read<TencentStateChangeEvent>("State.StateChange", """
            {"CallbackCommand":"State.StateChange","EventTime":1629883332497,
             "Info":{"Action":"Login","To_Account":"marketing-bot","Reason":"Register"},
             "KickedDevice":[{"Platform":"Windows"},{"Platform":"Mac"}]}
            """);
        Assert.Equal("marketing-bot", ev.UserId);
        Assert.Equal("Login", ev.Action);
        Assert.True(ev.Online);
        Assert.Equal("Register", ev.Reason);
        Assert.Equal(new[] { "Windows", "Mac" }, ev.KickedDevices);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1629883332497), ev.EventTime);
        AssertContext(ev);
    }

    [Fact]
    public void BeforeFriendAdd()
    {
        var ev = Read<TencentBeforeFriendAddEvent>("Sns.CallbackPrevFriendAdd", """
            {"CallbackCommand":"Sns.CallbackPrevFriendAdd","Requester_Account":"id1","From_Account":"id1",
             "FriendItem":[{"To_Account":"id2","Remark":"remark2","GroupName":"group2","AddSource":"AddSource_Type_Android","AddWording":"hi"}],
             "AddType":"Add_Type_Both","ForceAddFlags":1,"EventTime":1629883332497}
            """);
        Assert.Equal("id1", ev.RequesterUserId);
        Assert.Equal("id1", ev.From);
        Assert.Equal("Add_Type_Both", ev.AddType);
        Assert.True(ev.ForceAdd);
        var friend = Assert.Single(ev.Friends);
        Assert.Equal(("id2", "remark2", "group2", "AddSource_Type_Android", "hi"), (friend.UserId, friend.Remark, friend.GroupName, friend.AddSource, friend.AddWording));
        AssertContext(ev);
    }

    [Fact]
    public void BeforeFriendResponse()
    {
        var ev = Read<TencentBeforeFriendResponseEvent>("Sns.CallbackPrevFriendResponse", """
            {"CallbackCommand":"Sns.CallbackPrevFriendResponse","Requester_Account":"id1","From_Account":"id1",
             "ResponseFriendItem":[{"To_Account":"id2","Remark":"r","TagName":"t","ResponseAction":"Response_Action_AgreeAndAdd"}]}
            """);
        Assert.Equal("id1", ev.From);
        var response = Assert.Single(ev.Responses);
        Assert.Equal(("id2", "r", "t", "Response_Action_AgreeAndAdd"), (response.UserId, response.Remark, response.TagName, response.ResponseAction));
    }

    [Fact]
    public void AfterFriendAdd()
    {
        var ev = Read<TencentAfterFriendAddEvent>("Sns.CallbackFriendAdd", """
            {"CallbackCommand":"Sns.CallbackFriendAdd","ClientCmd":"friend_response","Admin_Account":"admin","ForceFlag":1,
             "PairList":[{"From_Account":"id1","To_Account":"id2","Initiator_Account":"id1"},{"From_Account":"id2","To_Account":"id1","Initiator_Account":"id1"}]}
            """);
        Assert.Equal("friend_response", ev.ClientCommand);
        Assert.Equal("admin", ev.AdminUserId);
        Assert.True(ev.ForceAdd);
        Assert.Equal(2, ev.Pairs.Length);
        Assert.Equal(("id2", "id1", "id1"), (ev.Pairs[1].UserId, ev.Pairs[1].PeerUserId, ev.Pairs[1].InitiatorUserId));
    }

    [Theory]
    [InlineData("Sns.CallbackFriendDelete", typeof(TencentAfterFriendDeleteEvent))]
    [InlineData("Sns.CallbackBlackListAdd", typeof(TencentAfterBlacklistAddEvent))]
    [InlineData("Sns.CallbackBlackListDelete", typeof(TencentAfterBlacklistDeleteEvent))]
    public void Relation_pairs(string command, Type type)
    {
        var body = $$"""{"CallbackCommand":"{{command}}","PairList":[{"From_Account":"id1","To_Account":"id2"},{"From_Account":"id1","To_Account":"id3"}]}""";
        var ev = Read<TencentRelationEvent>(command, body);
        Assert.IsType(type, ev);
        Assert.Equal(new[] { "id2", "id3" }, ev.Pairs.Select(p => p.PeerUserId));
        Assert.All(ev.Pairs, p => Assert.Equal("id1", p.UserId));
        Assert.Null(ev.Pairs[0].InitiatorUserId);
    }

    private const string TextBody = """[{"MsgType":"TIMTextElem","MsgContent":{"Text":"red packet"}},{"MsgType":"TIMCustomElem","MsgContent":{"Data":"{\"x\":1}","Desc":"notification"}}]""";

    [Fact]
    public void BeforePrivateMessageSend()
    {
        var ev = Read<TencentBeforePrivateMessageSendEvent>("C2C.CallbackBeforeSendMsg", $$"""
            {"CallbackCommand":"C2C.CallbackBeforeSendMsg","From_Account":"jared","To_Account":"Jonh","MsgSeq":48374,"MsgRandom":2837546,
             "MsgTime":1557481126,"MsgKey":"48374_2837546_1557481126","OnlineOnlyFlag":1,"MsgBody":{{TextBody}},"CloudCustomData":"ccd","EventTime":1670574414123}
            """);
        Assert.Equal(("jared", "Jonh", ChannelType.Person), (ev.From, ev.ChannelId, ev.ChannelType));
        Assert.Equal(48374, ev.MessageSequence);
        Assert.Equal(2837546, ev.Random);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1557481126), ev.Timestamp);
        Assert.Equal("48374_2837546_1557481126", ev.MessageKey);
        Assert.True(ev.OnlineOnly);
        Assert.Equal("red packet", ev.Text);
        Assert.Equal(new[] { "TIMTextElem", "TIMCustomElem" }, ev.Elements.Select(e => e.Type));
        Assert.Equal("{\"x\":1}", ev.Elements[1].Data);
        Assert.Contains("\"Desc\":\"notification\"", ev.Elements[1].Content);
        Assert.Equal(TextBody, Encoding.UTF8.GetString(ev.Payload));
        Assert.Equal("ccd", ev.CloudCustomData);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1670574414123), ev.EventTime);
        Assert.Equal(0, ev.MessageId);
        Assert.Equal("iOS", ev.OptPlatform);
    }

    [Fact]
    public void AfterPrivateMessageSend_including_a_failed_delivery()
    {
        var ev = Read<TencentAfterPrivateMessageSendEvent>("C2C.CallbackAfterSendMsg", $$"""
            {"CallbackCommand":"C2C.CallbackAfterSendMsg","From_Account":"jared","To_Account":"Jonh","MsgSeq":1,"MsgRandom":2,"MsgTime":1557481126,
             "MsgKey":"1_2_1557481126","OnlineOnlyFlag":0,"MsgBody":{{TextBody}},"SendMsgResult":80001,"ErrorInfo":"dirty words","UnreadMsgNum":-1}
            """);
        Assert.False(ev.Delivered);
        Assert.Equal(80001, ev.SendResultCode);
        Assert.Equal("dirty words", ev.SendError);
        Assert.Equal(-1, ev.UnreadCount);
        Assert.False(ev.OnlineOnly);
    }

    [Fact]
    public void AfterPrivateMessageReport()
    {
        var ev = Read<TencentAfterPrivateMessageReportEvent>("C2C.CallbackAfterMsgReport", """
            {"CallbackCommand":"C2C.CallbackAfterMsgReport","Report_Account":"Jonh","Peer_Account":"jared","LastReadTime":1557481290,"UnreadMsgNum":2}
            """);
        Assert.Equal(("Jonh", "jared", 2), (ev.UserId, ev.PeerUserId, ev.UnreadCount));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1557481290), ev.LastReadTime);
    }

    [Fact]
    public void AfterPrivateMessageRevoke()
    {
        var ev = Read<TencentAfterPrivateMessageRevokeEvent>("C2C.CallbackAfterMsgWithDraw", """
            {"CallbackCommand":"C2C.CallbackAfterMsgWithDraw","From_Account":"jared","To_Account":"Jonh","MsgKey":"1_2_3","UnreadMsgNum":7}
            """);
        Assert.Equal(("jared", "Jonh", "1_2_3", 7), (ev.From, ev.ChannelId, ev.MessageKey, ev.UnreadCount));
    }

    [Fact]
    public void BeforeGroupCreate()
    {
        var ev = Read<TencentBeforeGroupCreateEvent>("Group.CallbackBeforeCreateGroup", """
            {"CallbackCommand":"Group.CallbackBeforeCreateGroup","Operator_Account":"leckie","Owner_Account":"leckie","Type":"Public","Name":"MyFirstGroup",
             "CreateGroupNum":4,"MemberList":[{"Member_Account":"bonnie"},{"Member_Account":"peter"}]}
            """);
        Assert.Equal(("leckie", "leckie", "Public", "MyFirstGroup", 4), (ev.OperatorUserId, ev.OwnerUserId, ev.GroupType, ev.Name, ev.CreatedGroupCount));
        Assert.Equal(new[] { "bonnie", "peter" }, ev.Members);
        Assert.Equal(string.Empty, ev.GroupId);
    }

    [Fact]
    public void AfterGroupCreate()
    {
        var ev = Read<TencentAfterGroupCreateEvent>("Group.CallbackAfterCreateGroup", """
            {"CallbackCommand":"Group.CallbackAfterCreateGroup","GroupId":"@TGS#2J4SZEAEL","Operator_Account":"leckie","Owner_Account":"leckie","Type":"Public",
             "Name":"MyFirstGroup","CreateGroupNum":4,"MemberList":[{"Member_Account":"bonnie"}],"UserDefinedDataList":[{"Key":"UserDefined1","Value":"hello"}]}
            """);
        Assert.Equal("@TGS#2J4SZEAEL", ev.GroupId);
        Assert.Equal(("UserDefined1", "hello"), (ev.UserDefinedData[0].Key, ev.UserDefinedData[0].Value));
        Assert.Equal(new[] { "bonnie" }, ev.Members);
    }

    [Fact]
    public void BeforeApplyJoinGroup()
    {
        var ev = Read<TencentBeforeApplyJoinGroupEvent>("Group.CallbackBeforeApplyJoinGroup", """
            {"CallbackCommand":"Group.CallbackBeforeApplyJoinGroup","GroupId":"@TGS#2J4SZEAEL","Type":"Public","Requestor_Account":"leckie"}
            """);
        Assert.Equal(("@TGS#2J4SZEAEL", "Public", "leckie"), (ev.GroupId, ev.GroupType, ev.RequestorUserId));
    }

    [Fact]
    public void BeforeInviteJoinGroup()
    {
        var ev = Read<TencentBeforeInviteJoinGroupEvent>("Group.CallbackBeforeInviteJoinGroup", """
            {"CallbackCommand":"Group.CallbackBeforeInviteJoinGroup","GroupId":"@TGS#2J4SZEAEL","Type":"Public","Operator_Account":"leckie",
             "DestinationMembers":[{"Member_Account":"jared"},{"Member_Account":"tommy"}]}
            """);
        Assert.Equal("leckie", ev.OperatorUserId);
        Assert.Equal(new[] { "jared", "tommy" }, ev.Members);
    }

    [Fact]
    public void AfterNewMemberJoinGroup()
    {
        var ev = Read<TencentAfterNewMemberJoinGroupEvent>("Group.CallbackAfterNewMemberJoin", """
            {"CallbackCommand":"Group.CallbackAfterNewMemberJoin","GroupId":"@TGS#2J4SZEAEL","Type":"Public","JoinType":"Apply","Operator_Account":"leckie",
             "NewMemberList":[{"Member_Account":"jared"}]}
            """);
        Assert.Equal(("Apply", "leckie"), (ev.JoinType, ev.OperatorUserId));
        Assert.Equal(new[] { "jared" }, ev.Members);
    }

    [Fact]
    public void AfterMemberExitGroup()
    {
        var ev = Read<TencentAfterMemberExitGroupEvent>("Group.CallbackAfterMemberExit", """
            {"CallbackCommand":"Group.CallbackAfterMemberExit","GroupId":"@TGS#2J4SZEAEL","Type":"Public","ExitType":"Kicked","Operator_Account":"leckie",
             "ExitMemberList":[{"Member_Account":"jared"},{"Member_Account":"tommy"}]}
            """);
        Assert.Equal(("Kicked", "leckie"), (ev.ExitType, ev.OperatorUserId));
        Assert.Equal(new[] { "jared", "tommy" }, ev.Members);
    }

    [Fact]
    public void BeforeGroupMessageSend()
    {
        var ev = Read<TencentBeforeGroupMessageSendEvent>("Group.CallbackBeforeSendMsg", $$"""
            {"CallbackCommand":"Group.CallbackBeforeSendMsg","GroupId":"@TGS#2J4SZEAEL","Type":"Public","From_Account":"jared","Operator_Account":"admin",
             "Random":123456,"OnlineOnlyFlag":0,"MsgBody":{{TextBody}}}
            """);
        Assert.Equal(("@TGS#2J4SZEAEL", "@TGS#2J4SZEAEL", ChannelType.Group), (ev.GroupId, ev.ChannelId, ev.ChannelType));
        Assert.Equal(("Public", "jared", "admin", 123456L), (ev.GroupType, ev.From, ev.OperatorUserId, ev.Random));
        Assert.Equal("red packet", ev.Text);
    }

    [Fact]
    public void AfterGroupMessageSend()
    {
        var ev = Read<TencentAfterGroupMessageSendEvent>("Group.CallbackAfterSendMsg", $$"""
            {"CallbackCommand":"Group.CallbackAfterSendMsg","GroupId":"@TGS#2J4SZEAEL","Type":"Public","From_Account":"jared","Operator_Account":"",
             "Random":123456,"MsgSeq":123,"MsgTime":1490686222,"OnlineOnlyFlag":0,"MsgBody":{{TextBody}}}
            """);
        Assert.Equal(123, ev.MessageSequence);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1490686222), ev.Timestamp);
    }

    [Fact]
    public void AfterGroupFull()
    {
        var ev = Read<TencentAfterGroupFullEvent>("Group.CallbackAfterGroupFull", """{"CallbackCommand":"Group.CallbackAfterGroupFull","GroupId":"@TGS#2J4SZEAEL"}""");
        Assert.Equal("@TGS#2J4SZEAEL", ev.GroupId);
    }

    [Fact]
    public void AfterGroupDestroyed()
    {
        var ev = Read<TencentAfterGroupDestroyedEvent>("Group.CallbackAfterGroupDestroyed", """
            {"CallbackCommand":"Group.CallbackAfterGroupDestroyed","GroupId":"@TGS#2J4SZEAEL","Type":"Public","Owner_Account":"leckie","Name":"MyFirstGroup",
             "MemberList":[{"Member_Account":"bonnie"},{"Member_Account":"peter"}]}
            """);
        Assert.Equal(("leckie", "MyFirstGroup"), (ev.OwnerUserId, ev.Name));
        Assert.Equal(new[] { "bonnie", "peter" }, ev.Members);
    }

    [Fact]
    public void AfterGroupInfoChanged()
    {
        var ev = Read<TencentAfterGroupInfoChangedEvent>("Group.CallbackAfterGroupInfoChanged", """
            {"CallbackCommand":"Group.CallbackAfterGroupInfoChanged","GroupId":"@TGS#2J4SZEAEL","Type":"Public","Operator_Account":"admin","Notification":"New Notification"}
            """);
        Assert.Equal(("admin", "New Notification"), (ev.OperatorUserId, ev.Notification));
    }

    [Fact]
    public void GroupMemberStateChange()
    {
        var ev = Read<TencentGroupMemberStateChangeEvent>("Group.CallbackOnMemberStateChange", """
            {"CallbackCommand":"Group.CallbackOnMemberStateChange","GroupId":"@TGS#2J4SZEAEL","EventType":"Offline","EventCause":"HeartbeatInterrupt",
             "MemberList":[{"Member_Account":"jared"},{"Member_Account":"tommy"}]}
            """);
        Assert.Equal(("Offline", "HeartbeatInterrupt"), (ev.State, ev.Cause));
        Assert.Equal(new[] { "jared", "tommy" }, ev.Members);
    }

    [Fact]
    public void RequestOverLimit()
    {
        var ev = Read<TencentRequestOverLimitEvent>("Alert.RequestOverLimit", """
            {"CallbackCommand":"Alert.RequestOverLimit","ServiceName":"openim","Command":"batchsendmsg","Request":510,"Limit":200}
            """);
        Assert.Equal(("openim", "batchsendmsg", 510, 200), (ev.ServiceName, ev.Command, ev.RequestRate, ev.Limit));
    }

    [Fact]
    public void Without_a_query_string_the_body_names_the_command_as_in_a_runbook()
    {
        var result = WebhookParser.Parse(new WebhookRequest(ImProvider.TencentCloud,
            """{"CallbackCommand":"Group.CallbackAfterGroupFull","GroupId":"g1"}"""), new WebhookParseOptions());

        var ev = Assert.IsType<TencentAfterGroupFullEvent>(Assert.Single(result.Events));
        Assert.Null(ev.SdkAppId);
        Assert.Null(ev.ClientIP);
    }

    [Fact]
    public void An_unknown_command_is_passed_on_raw_with_a_warning()
    {
        var body = """{"CallbackCommand":"Group.CallbackAfterRecallMsg","GroupId":"g1"}""";
        var result = WebhookParser.Parse(new WebhookRequest(ImProvider.TencentCloud, body), new WebhookParseOptions());

        var unknown = Assert.IsType<ImUnknownWebhookEvent>(Assert.Single(result.Events));
        Assert.Equal("Group.CallbackAfterRecallMsg", unknown.Event);
        Assert.Equal(body, unknown.Json);
        Assert.Contains("Group.CallbackAfterRecallMsg", Assert.Single(result.Warnings));
    }

    [Fact]
    public void A_body_without_any_command_is_passed_on_raw_with_a_warning()
    {
        var result = WebhookParser.Parse(new WebhookRequest(ImProvider.TencentCloud, """{"GroupId":"g1"}"""), new WebhookParseOptions());

        Assert.IsType<ImUnknownWebhookEvent>(Assert.Single(result.Events));
        Assert.Contains("no CallbackCommand", Assert.Single(result.Warnings));
    }

    [Fact]
    public void A_body_that_contradicts_the_query_is_read_as_the_query_says_with_a_warning()
    {
        var result = WebhookParser.Parse(new WebhookRequest(ImProvider.TencentCloud, """{"CallbackCommand":"Group.CallbackAfterGroupFull","GroupId":"g1"}""", null,
            WebhookQuery.Parse("CallbackCommand=Group.CallbackAfterGroupInfoChanged")), new WebhookParseOptions());

        Assert.IsType<TencentAfterGroupInfoChangedEvent>(Assert.Single(result.Events));
        Assert.Contains("Group.CallbackAfterGroupFull", Assert.Single(result.Warnings));
    }

    [Theory]
    [InlineData("[1,2]", "array of numbers")]
    [InlineData("{\"CallbackCommand\":", "not JSON")]
    public void Malformed_bodies_are_errors(string body, string expected)
    {
        var result = WebhookParser.Parse(new WebhookRequest(ImProvider.TencentCloud, body, "State.StateChange"), new WebhookParseOptions());

        Assert.Empty(result.Events);
        Assert.Contains(expected, Assert.Single(result.Errors).Message);
    }
}
