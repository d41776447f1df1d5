using System.Security.Cryptography;
using System.Text;
using static ImAdmin.Sandbox.WuKongIM.WuKongReplies;

namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>Sending (see docs/server-behaviour/wukongim.md, 'Sending'): POST /message/send (enveloped answer) and POST /message/sendbatch (bare answer).</summary>
public sealed partial class WuKongSandbox
{
    private void MapMessageSends(WebApplication app)
    {
        app.MapWuKongPost("/message/send", (body, _) => SendMessage(body));
        app.MapWuKongPost("/message/sendbatch", (body, _) => SendBatch(body));
    }

    private IResult SendMessage(WuKongBody body)
    {
        var header = ReadHeader(body);
        var payload = body.Bytes("payload");
        var from = body.Str("from_uid");
        var channelId = body.Str("channel_id");
        var channelType = body.Int("channel_type");
        var subscribers = body.Strings("subscribers");
        var clientMsgNo = body.Str("client_msg_no");
        var expire = (uint)body.Long("expire");
        if (payload.Length == 0) throw new WuKongBadRequest("payload不能为空！");

        if (subscribers.Count > 0)
        {
            if (header.SyncOnce != 1) throw new WuKongBadRequest("指定了订阅者的消息只能是CMD消息（sync_once=1）！");
            if (channelId.Length > 0) throw new WuKongBadRequest("指定了订阅者时channel_id必须为空！");
            // The server builds a temp CMD channel from the subscriber list (or uses the online-cmd channel) and
            // answers without data.
            var temp = header.NoPersist == 1 ? "systemcmdonline" : "tmp_" + Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(string.Join(",", subscribers))));
            State.Send(from, temp, ChannelKey.Temp, payload, header, clientMsgNo, expire, options.Now());
            return Ok();
        }
        if (channelId.Length == 0) throw new WuKongBadRequest("无法处理发送消息请求！channel_id和subscribers不能同时为空！");
        if (PersonChannel.HasSpecialChar(channelId)) throw new WuKongBadRequest("频道ID不合法！");

        var outcome = State.Send(from, channelId, channelType, payload, header, clientMsgNo, expire, options.Now());
        return OkWithData(new { message_id = outcome.MessageId, client_msg_no = outcome.ClientMsgNo });
    }

    /// <summary>One object with subscribers (the docs' array form is wrong); one person message per uid, a fresh client_msg_no each.</summary>
    private IResult SendBatch(WuKongBody body)
    {
        var from = body.Str("from_uid");
        var subscribers = body.Strings("subscribers");
        var payload = body.Bytes("payload");
        var header = ReadHeader(body);
        if (from.Length == 0) throw new WuKongBadRequest("发送者UID不能为空！");
        if (subscribers.Count == 0) throw new WuKongBadRequest("订阅者不能为空！");
        if (payload.Length == 0) throw new WuKongBadRequest("payload不能为空！");

        var failUids = new List<string>();
        var reasons = new List<string>();
        foreach (var uid in subscribers)
        {
            if (uid.Trim().Length == 0 || PersonChannel.HasSpecialChar(uid))
            {
                failUids.Add(uid);
                reasons.Add("频道ID不合法！");
                continue;
            }
            State.Send(from, uid, ChannelKey.Person, payload, header, "", 0, options.Now());
        }
        return Results.Json(new { fail_uids = failUids, reason = reasons });
    }

    private static MessageHeader ReadHeader(WuKongBody body) =>
        body.Object("header") is { } h ? new MessageHeader(h.Int("no_persist"), h.Int("red_dot"), h.Int("sync_once")) : new MessageHeader(0, 0, 0);
}
