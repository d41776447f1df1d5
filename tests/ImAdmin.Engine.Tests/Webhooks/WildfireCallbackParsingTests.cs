using System.Text;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Webhooks;

namespace ImAdmin.Engine.Tests.Webhooks;

/// <summary>The Wildfire callbacks (see docs/server-behaviour/wildfire.md, 'Callbacks'), with the code's field names; they carry no event name.</summary>
public sealed class WildfireCallbackParsingTests
{
    private const string Message = """
        {"messageId":1234567890123,"sender":"alice","conv":{"type":1,"target":"group-1","line":0},
         "payload":{"type":1,"searchableContent":"hello all","pushContent":"push","content":"","base64edData":"AQID","mediaType":0,
                    "persistFlag":3,"expireDuration":0,"mentionedType":1,"mentionedTarget":["bob"],"extra":"{}"},
         "toUsers":["bob","carol"],"timestamp":1700000000123,"client":{"platform":2,"clientId":"c-1"}}
        """;

    private static T Read<T>(string body, string expectedEvent, string? eventName = null)
    {
        var result = WebhookParser.Parse(new WebhookRequest(ImProvider.Wildfire, body, eventName), new WebhookParseOptions());
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.Equal(expectedEvent, result.Event);
        var ev = Assert.IsType<T>(Assert.Single(result.Events));
        Assert.Equal(ImProvider.Wildfire, ((IImWebhookEvent)ev!).Provider);
        Assert.Equal(expectedEvent, ((IImWebhookEvent)ev!).Event);
        return ev;
    }

    [Fact]
    public void Forwarded_message()
    {
        var ev = Read<WildfireMessageEvent>(Message, "message.forward");

        Assert.Equal((1234567890123L, "alice", "group-1", ChannelType.Group, 1), (ev.MessageId, ev.From, ev.ChannelId, ev.ChannelType, ev.ConversationType));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000123), ev.Timestamp);
        Assert.Equal("hello all", ev.Text);
        Assert.Equal(new[] { "bob", "carol" }, ev.ToUserIds);
        Assert.Equal(new byte[] { 1, 2, 3 }, ev.BinaryContent);
        Assert.Equal((3, 1, "push"), (ev.PersistFlag, ev.MentionedType, ev.PushContent));
        Assert.Equal(new[] { "bob" }, ev.MentionedTargets);
        Assert.Equal((WildfirePlatform?)WildfirePlatform.Android, ev.Platform);
        Assert.Equal("c-1", ev.ClientId);
        Assert.StartsWith("{\"type\":1", Encoding.UTF8.GetString(ev.Payload));
    }

    [Theory]
    [InlineData(0, ChannelType.Person)]
    [InlineData(2, ChannelType.ChatRoom)]
    [InlineData(3, ChannelType.Broadcast)]
    [InlineData(4, ChannelType.Things)]
    [InlineData(5, (ChannelType)0)]
    public void Conversation_types_map_to_channel_types(int type, ChannelType expected)
    {
        var ev = Read<WildfireMessageEvent>(Message.Replace("\"type\":1,\"target\"", $"\"type\":{type},\"target\""), "message.forward");

        Assert.Equal(expected, ev.ChannelType);
        Assert.Equal(type, ev.ConversationType);
    }

    [Fact]
    public void A_non_text_message_has_no_text()
    {
        var ev = Read<WildfireMessageEvent>(Message.Replace("\"payload\":{\"type\":1", "\"payload\":{\"type\":3"), "message.forward");

        Assert.Null(ev.Text);
        Assert.Equal(3, ev.ContentType);
    }

    [Fact]
    public void Recall()
    {
        var ev = Read<WildfireRecallEvent>($$"""{"message":{{Message}},"userId":"admin","timestamp":1700000001000,"isAdmin":true}""", "message.recall");

        Assert.Equal(("admin", true, 1234567890123L), (ev.OperatorUserId, ev.IsAdmin, ev.MessageId));
        Assert.Equal("hello all", ev.Message!.Text);
    }

    [Fact]
    public void User_online_status_with_sessions()
    {
        var ev = Read<WildfireOnlineStatusEvent>("""
            {"userId":"alice","clientId":"c-1","platform":5,"status":1,"timestamp":1700000000000,"packageName":"web","customState":2,"customText":"busy",
             "sessions":[{"clientId":"c-2","userId":"alice","platform":1,"status":0,"lastSeen":1700000000000,"packageName":"ios"}]}
            """, "user.online_status");

        Assert.Equal(("alice", "c-1", WildfirePlatform.Web, WildfireOnlineState.Offline, false), (ev.UserId, ev.ClientId, ev.Platform, ev.Status, ev.Online));
        Assert.Equal((2, "busy"), (ev.CustomState, ev.CustomText));
        var session = Assert.Single(ev.Sessions);
        Assert.Equal(("c-2", WildfirePlatform.iOS, WildfireOnlineState.Online), (session.ClientId, session.Platform, session.Status));
    }

    [Fact]
    public void User_info_update()
    {
        var ev = Read<WildfireUserInfoEvent>("""
            {"userId":"alice","name":"alice","displayName":"Alice","portrait":"p","gender":2,"mobile":"1","email":"a@x","address":"",
             "company":"c","social":"","extra":"{}","type":0,"updateDt":1700000000000}
            """, "user.info_update");

        Assert.Equal(("alice", "Alice", 2, "a@x"), (ev.UserId, ev.DisplayName, ev.Gender, ev.Email));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), ev.UpdatedAt);
    }

    [Fact]
    public void Relation_update()
    {
        var ev = Read<WildfireRelationEvent>("""{"userId":"alice","targetId":"bob","type":2,"value":"1"}""", "relation.update");

        Assert.Equal(("alice", "bob", WildfireRelationChange.Blacklist, "1"), (ev.UserId, ev.PeerUserId, ev.Type, ev.Value));
    }

    [Fact]
    public void Group_info_update_with_the_codes_operatorId_and_snake_case_group()
    {
        var ev = Read<WildfireGroupInfoEvent>("""
            {"operatorId":"alice","groupId":"g1","type":2,"groupInfo":{"target_id":"g1","name":"Team","portrait":"","owner":"bob","type":2,"extra":"",
             "mute":1,"join_type":0,"private_chat":1,"searchable":0,"max_member_count":2000,"history_message":1,"super_group":0}}
            """, "group.info_update");

        Assert.Equal(("alice", "g1", WildfireGroupChange.Transfer), (ev.OperatorUserId, ev.GroupId, ev.Type));
        Assert.Equal(("Team", "bob", 1, 2000, 1), (ev.Group!.Name, ev.Group.Owner, ev.Group.Mute, ev.Group.MaxMemberCount, ev.Group.PrivateChat));
    }

    [Fact]
    public void Group_member_update_with_memberIds()
    {
        var ev = Read<WildfireGroupMemberEvent>("""{"operatorId":"alice","groupId":"g1","memberIds":["bob","carol"],"type":2,"value":""}""", "group.member_update");

        Assert.Equal(("alice", "g1", WildfireGroupMemberChange.Kick), (ev.OperatorUserId, ev.GroupId, ev.Type));
        Assert.Equal(new[] { "bob", "carol" }, ev.Members);
    }

    [Fact]
    public void Channel_info_update_and_subscription()
    {
        var info = Read<WildfireChannelInfoEvent>("""{"operatorId":"alice","channelId":"ch1","type":3}""", "channel.info_update");
        Assert.Equal(("alice", "ch1", WildfireChannelChange.Destroy), (info.OperatorUserId, info.ChannelId, info.Type));

        var subscribe = Read<WildfireChannelSubscribeEvent>("""{"userId":"bob","channelId":"ch1","status":0}""", "channel.subscribe");
        Assert.Equal(("bob", "ch1", false), (subscribe.UserId, subscribe.ChannelId, subscribe.Subscribed));
    }

    [Fact]
    public void Chatroom_info_and_member_update()
    {
        var info = Read<WildfireChatroomInfoEvent>("""{"chatroomId":"room1","type":1}""", "chatroom.info_update");
        Assert.Equal(("room1", WildfireChatroomChange.Destroy), (info.ChatroomId, info.Type));

        var members = Read<WildfireChatroomMemberEvent>("""{"operatorId":"alice","chatroomId":"room1","memberIds":["bob"],"type":3}""", "chatroom.member_update");
        Assert.Equal(("alice", WildfireChatroomMemberChange.Mute), (members.OperatorUserId, members.Type));
        Assert.Equal(new[] { "bob" }, members.Members);
    }

    [Fact]
    public void The_event_parameter_names_a_body_whose_shape_is_ambiguous()
    {
        // A sensitive-word or robot callback is the same OutputMessageData; -Event can still name it.
        var ev = Read<WildfireChannelSubscribeEvent>("""{"userId":"bob","channelId":"ch1","status":1,"operatorId":"x"}""", "channel.subscribe", "channel.subscribe");

        Assert.True(ev.Subscribed);
    }

    [Fact]
    public void An_unrecognised_body_is_passed_on_raw_with_a_warning_that_suggests_the_event_parameter()
    {
        var result = WebhookParser.Parse(new WebhookRequest(ImProvider.Wildfire, """{"exception":"NullPointerException"}"""), new WebhookParseOptions());

        Assert.IsType<ImUnknownWebhookEvent>(Assert.Single(result.Events));
        Assert.Contains("-Event", Assert.Single(result.Warnings));
    }

    [Fact]
    public void A_body_that_is_not_an_object_is_an_error()
    {
        var result = WebhookParser.Parse(new WebhookRequest(ImProvider.Wildfire, "[1]"), new WebhookParseOptions());

        Assert.Empty(result.Events);
        Assert.Contains("JSON object", Assert.Single(result.Errors).Message);
    }
}
