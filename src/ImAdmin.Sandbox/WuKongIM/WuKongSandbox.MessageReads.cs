using static ImAdmin.Sandbox.WuKongIM.WuKongReplies;

namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>
/// Message reads (see docs/server-behaviour/wukongim.md, 'Message reads'): POST /message, POST /messages, POST /channel/messagesync,
/// GET /channel/max_message_seq and GET /message/byclientmsgno, with their not-found and paging quirks.
/// </summary>
public sealed partial class WuKongSandbox
{
    public const int MaxSyncLimit = 10000;

    private void MapMessageReads(WebApplication app)
    {
        app.MapWuKongPost("/message", (body, _) => GetMessage(body));
        app.MapWuKongPost("/messages", (body, _) => GetMessages(body));
        app.MapWuKongPost("/channel/messagesync", (body, _) => SyncMessages(body));
        app.MapWuKongGet("/channel/max_message_seq", MaxMessageSeq);
        app.MapWuKongGet("/message/byclientmsgno", MessageByClientMsgNo);
    }

    /// <summary>Needs the channel (+ login_uid for person), but a message_id lookup ignores it; a client_msg_no lookup never matches in v2.2.5.</summary>
    private IResult GetMessage(WuKongBody body)
    {
        var (channelId, channelType, loginUid) = (body.Str("channel_id"), body.Int("channel_type"), body.Str("login_uid"));
        if (channelId.Length == 0) throw new WuKongBadRequest("channel_id不能为空！");
        if (channelType == 0) throw new WuKongBadRequest("channel_type不能为空！");
        if (channelType == ChannelKey.Person && loginUid.Length == 0) throw new WuKongBadRequest("个人频道login_uid不能为空！");
        var messageId = body.Long("message_id");
        if (messageId == 0 && body.Str("client_msg_no").Length == 0) throw new WuKongBadRequest("message_id和client_msg_no不能同时为空！");
        return messageId != 0 && State.MessageById(messageId) is { } message ? Results.Json(MessageResp(message)) : NotFoundInBody();
    }

    /// <summary>Any mix of seqs, ids and client_msg_nos in one channel; misses are skipped, an id &lt;= 0 means the newest message.</summary>
    private IResult GetMessages(WuKongBody body)
    {
        var (channelId, channelType, loginUid) = (body.Str("channel_id"), body.Int("channel_type"), body.Str("login_uid"));
        if (channelId.Length == 0) throw new WuKongBadRequest("channel_id不能为空！");
        if (channelType == ChannelKey.Person && loginUid.Length == 0) throw new WuKongBadRequest("个人频道login_uid不能为空！");
        var messages = State.Messages(WuKongState.KeyFor(channelId, channelType, loginUid));
        var found = new List<StoredMessage>();
        foreach (var seq in body.Longs("message_seqs"))
            if (seq >= 1 && seq <= messages.Count) found.Add(messages[(int)seq - 1]);
        foreach (var id in body.Longs("message_ids"))
        {
            var hit = id <= 0 ? messages.LastOrDefault() : messages.FirstOrDefault(m => m.Id == id);
            if (hit != null) found.Add(hit);
        }
        foreach (var no in body.Strings("client_msg_nos"))
            if (messages.FirstOrDefault(m => m.ClientMsgNo == no) is { } hit) found.Add(hit);
        return Results.Json(new { start_message_seq = 0, end_message_seq = 0, more = 0, messages = found.Select(MessageResp) });
    }

    /// <summary>
    /// Selection (see docs/server-behaviour/wukongim.md, 'Message history'): start = end = 0 → newest limit; pull_mode 1 → [start, end) first limit; pull_mode 0 → (end, start]
    /// newest limit; all ascending. limit 0 gives nothing except in mode 1 (unlimited); more = 1 when a full page came back
    /// (so also for limit 0 with nothing), forced to 0 when the boundary message is end_message_seq.
    /// </summary>
    private IResult SyncMessages(WuKongBody body)
    {
        var (loginUid, channelId, channelType) = (body.Str("login_uid"), body.Str("channel_id"), body.Int("channel_type"));
        var (start, end, pullMode) = (body.Long("start_message_seq"), body.Long("end_message_seq"), body.Int("pull_mode"));
        var limit = Math.Min(body.Int("limit"), MaxSyncLimit);
        if (loginUid.Length == 0) throw new WuKongBadRequest("loginUid不能为空！");
        if (channelId.Length == 0) throw new WuKongBadRequest("频道ID不能为空！");

        var all = State.Messages(WuKongState.KeyFor(channelId, channelType, loginUid));
        if (all.Count == 0)
            return Results.Json(new { start_message_seq = 0, end_message_seq = 0, more = 0, messages = Array.Empty<object>() });

        IEnumerable<StoredMessage> selected;
        if (start == 0 && end == 0)
            selected = limit <= 0 ? [] : all.Skip(Math.Max(0, all.Count - limit));
        else if (pullMode == 1)
        {
            var range = all.Where(m => m.Seq >= start && (end == 0 || m.Seq < end));
            selected = limit <= 0 ? range : range.Take(limit);
        }
        else
        {
            var range = end > start ? [] : all.Where(m => m.Seq <= start && m.Seq > end).ToList();
            selected = limit <= 0 ? [] : range.Skip(Math.Max(0, range.Count - limit));
        }
        var page = selected.ToList();
        var more = page.Count == limit ? 1 : 0;
        if (end != 0 && page.Count > 0 && (pullMode == 0 ? page[0] : page[^1]).Seq == end) more = 0;
        return Results.Json(new { start_message_seq = start, end_message_seq = end, more, messages = page.Select(MessageResp) });
    }

    /// <summary>Only message_seq comes back; a person channel needs login_uid unless the id is already the a@b form.</summary>
    private IResult MaxMessageSeq(IQueryCollection query)
    {
        var (channelId, channelType, loginUid) = (query["channel_id"].ToString(), (int)query.QueryLong("channel_type"), query["login_uid"].ToString());
        if (channelId.Length == 0) throw new WuKongBadRequest("channel_id不能为空！");
        if (channelType == ChannelKey.Person && loginUid.Length == 0 && !channelId.Contains('@'))
            throw new WuKongBadRequest("个人频道login_uid不能为空！");
        return Results.Json(new { message_seq = State.Messages(WuKongState.KeyFor(channelId, channelType, loginUid)).Count });
    }

    /// <summary>Person channels must be named by their internal a@b id here.</summary>
    private IResult MessageByClientMsgNo(IQueryCollection query)
    {
        var (channelId, channelType, clientMsgNo) = (query["channel_id"].ToString(), (int)query.QueryLong("channel_type"), query["client_msg_no"].ToString());
        if (channelId.Length == 0 || channelType == 0 || clientMsgNo.Length == 0)
            throw new WuKongBadRequest("channel_id、channel_type和client_msg_no不能为空！");
        var hit = State.Messages(new ChannelKey(channelId, channelType)).FirstOrDefault(m => m.ClientMsgNo == clientMsgNo);
        return hit == null ? NotFoundInBody() : Results.Json(MessageResp(hit));
    }
}
