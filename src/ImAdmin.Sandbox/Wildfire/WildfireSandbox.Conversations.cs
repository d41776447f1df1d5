using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

public sealed partial class WildfireSandbox
{
    /// <summary>Just enough of chatrooms and channels to make them exist as message targets.</summary>
    private void MapConversationRoutes()
    {
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
