using static ImAdmin.Sandbox.WuKongIM.WuKongReplies;

namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>
/// Events (see docs/server-behaviour/wukongim.md, 'Message events', 'Versions'): v2.2.4 and later have POST /message/event; v2.2.1–2.2.3 had POST /event instead; older servers
/// have neither. The emulated version is <see cref="SandboxOptions.WuKongVersion"/>; a missing route is gin's text/plain 404.
/// </summary>
public sealed partial class WuKongSandbox
{
    private static readonly System.Version MessageEventSince = new(2, 2, 4);
    private static readonly System.Version LegacyEventSince = new(2, 2, 1);

    private void MapEvents(WebApplication app)
    {
        app.MapWuKongPost("/message/event", (body, _) => ServerVersion >= MessageEventSince ? MessageEvent(body) : NoRoute());
        app.MapWuKongPost("/event", (body, request) =>
            ServerVersion >= LegacyEventSince && ServerVersion < MessageEventSince ? LegacyEvent(body, request.Query["force"] == "1") : NoRoute());
    }

    /// <summary>"v2.2.5-20260422" → 2.2.5; a version the sandbox cannot read behaves as the newest.</summary>
    private System.Version ServerVersion
    {
        get
        {
            var text = options.WuKongVersion.TrimStart('v', 'V').Split('-')[0];
            return System.Version.TryParse(text, out var version) ? version : new System.Version(int.MaxValue, 0);
        }
    }

    private IResult MessageEvent(WuKongBody body)
    {
        var (channelId, channelType, clientMsgNo) = (body.Str("channel_id"), body.Int("channel_type"), body.Str("client_msg_no"));
        var (eventId, eventType, from) = (body.Str("event_id"), body.Str("event_type"), body.Str("from_uid"));
        if (channelId.Length == 0) throw new WuKongBadRequest("channel_id不能为空！");
        if (clientMsgNo.Length == 0) throw new WuKongBadRequest("client_msg_no不能为空！");
        if (eventId.Length == 0) throw new WuKongBadRequest("event_id不能为空！");
        if (eventType.Length == 0) throw new WuKongBadRequest("event_type不能为空！");
        var outcome = State.AppendEvent(channelId, channelType, clientMsgNo, body.Str("event_key"), eventId, eventType, from, body.Raw("payload"));
        return OkWithData(new
        {
            client_msg_no = clientMsgNo,
            event_key = outcome.EventKey,
            event_id = eventId,
            msg_event_seq = outcome.Seq,
            stream_status = outcome.StreamStatus,
            channel_id = channelId,
            channel_type = channelType,
            from_uid = outcome.From,
        });
    }

    private IResult LegacyEvent(WuKongBody body, bool force)
    {
        var clientMsgNo = body.Str("client_msg_no");
        var ev = body.Object("event");
        if (clientMsgNo.Length == 0) throw new WuKongBadRequest("client_msg_no不能为空！");
        if (ev == null || ev.Str("type").Length == 0) throw new WuKongBadRequest("事件类型不能为空");
        State.LegacyEvent(body.Str("channel_id"), body.Int("channel_type"), clientMsgNo, body.Str("from_uid"), ev.Str("type"), ev.Str("id"), ev.Str("data"), force);
        return Ok();
    }
}
