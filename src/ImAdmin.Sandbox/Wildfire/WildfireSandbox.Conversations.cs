using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

public sealed partial class WildfireSandbox
{
    /// <summary>Just enough of groups, chatrooms and channels to make them exist as message targets.</summary>
    private void MapConversationRoutes()
    {
        // Group DTOs are snake_case: {operator, group:{group_info:{target_id,name,owner,type}, members:[{member_id}]}} -> {group_id}.
        Route("POST", "/admin/group/create", body =>
        {
            var group = body.Obj("group");
            var info = group.Obj("group_info");
            var groupId = info.Str("target_id");
            var members = (group?["members"] as JsonArray)?.Select(m => (m as JsonObject).Str("member_id")).OfType<string>().ToList();
            if (body == null || info == null) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            if (string.IsNullOrEmpty(groupId)) groupId = WildfireDirectory.NewShortId();
            Directory.PutGroup(groupId, members ?? new List<string>());
            return WildfireReply.Ok(new JsonObject { ["group_id"] = groupId });
        });
        Route("POST", "/admin/chatroom/create", body =>
        {
            var title = body.Str("title");
            var chatroomId = body.Str("chatroomId");
            if (body == null || string.IsNullOrEmpty(title)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            if (string.IsNullOrEmpty(chatroomId)) chatroomId = WildfireDirectory.NewShortId();
            Directory.PutChatroom(chatroomId, title);
            return WildfireReply.Ok(new JsonObject { ["chatroomId"] = chatroomId });
        });
        Route("POST", "/admin/channel/create", body =>
        {
            var name = body.Str("name");
            var owner = body.Str("owner");
            var channelId = body.Str("targetId");
            var secret = body.Str("secret");
            if (body == null || string.IsNullOrEmpty(name) || string.IsNullOrEmpty(owner)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            if (string.IsNullOrEmpty(channelId)) channelId = WildfireDirectory.NewShortId();
            Directory.PutChannel(channelId, name);
            return WildfireReply.Ok(new JsonObject { ["targetId"] = channelId, ["secret"] = string.IsNullOrEmpty(secret) ? WildfireDirectory.NewShortId() : secret });
        });
    }
}
