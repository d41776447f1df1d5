using System.Globalization;
using static ImAdmin.Sandbox.WuKongIM.WuKongReplies;

namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>Conversation routes (see docs/server-behaviour/wukongim.md, 'Conversations'): sync (bare array), syncByChannels, and the three mutations (status-only answers).</summary>
public sealed partial class WuKongSandbox
{
    public const int MaxConversationPageSize = 500;
    public const int DefaultConversationPageSize = 100;

    private void MapConversations(WebApplication app)
    {
        app.MapWuKongPost("/conversation/sync", (body, _) => SyncConversations(body));
        app.MapWuKongPost("/conversation/syncByChannels", (body, _) => SyncConversationsByChannels(body));
        app.MapWuKongPost("/conversations/clearUnread", (body, _) => Mutate(body, (uid, key) => State.ClearUnread(uid, key, options.Now())));
        app.MapWuKongPost("/conversations/setUnread", (body, _) =>
        {
            var unread = body.Int("unread");
            return Mutate(body, (uid, key) => State.SetUnread(uid, key, unread, options.Now()));
        });
        app.MapWuKongPost("/conversations/delete", (body, _) => Mutate(body, (uid, key) => State.DeleteConversation(uid, key, options.Now())));
    }

    private IResult SyncConversations(WuKongBody body)
    {
        var pageSize = body.Int("page_size");
        var query = new WuKongState.SyncQuery(
            body.Str("uid"),
            body.Long("version"),
            body.Int("msg_count"),
            body.Int("only_unread") == 1,
            body.Longs("exclude_channel_types").Select(t => (int)t).ToHashSet(),
            ParseLastMsgSeqs(body.Str("last_msg_seqs")),
            Math.Max(body.Int("page"), 0),
            pageSize <= 0 ? DefaultConversationPageSize : Math.Min(pageSize, MaxConversationPageSize));
        return Results.Json(State.SyncConversations(query).Select(ConversationResp));
    }

    private IResult SyncConversationsByChannels(WuKongBody body)
    {
        var uid = body.Str("uid");
        var channels = body.Objects("channels");
        if (uid.Length == 0) throw new WuKongBadRequest("uid不能为空！");
        if (channels.Count == 0) throw new WuKongBadRequest("channels不能为空！");
        var keys = channels.Select(c => WuKongState.KeyFor(c.Str("channel_id"), c.Int("channel_type"), uid));
        return Results.Json(State.ConversationsOf(uid, keys, body.Int("msg_count")).Select(ConversationResp));
    }

    /// <summary>clearUnread, setUnread and delete share their required fields and their English errors.</summary>
    private static IResult Mutate(WuKongBody body, Action<string, ChannelKey> change)
    {
        var (uid, channelId, channelType) = (body.Str("uid"), body.Str("channel_id"), body.Int("channel_type"));
        if (uid.Length == 0) throw new WuKongBadRequest("uid cannot be empty");
        if (channelId.Length == 0) throw new WuKongBadRequest("channel_id cannot be empty");
        if (channelType == 0) throw new WuKongBadRequest("channel_type cannot be 0");
        change(uid, WuKongState.KeyFor(channelId, channelType, uid));
        return Ok();
    }

    /// <summary><c>channelId:channelType:lastSeq</c> entries joined by <c>|</c>.</summary>
    private static Dictionary<(string, int), long> ParseLastMsgSeqs(string text)
    {
        var seqs = new Dictionary<(string, int), long>();
        foreach (var entry in text.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split(':');
            if (parts.Length != 3 || !int.TryParse(parts[1], out var type) || !long.TryParse(parts[2], out var seq))
                throw new WuKongBadRequest("last_msg_seqs格式有误！");
            seqs[(parts[0], type)] = seq;
        }
        return seqs;
    }

    private static object ConversationResp(WuKongState.ConversationView c) => new Dictionary<string, object?>
    {
        ["channel_id"] = c.ChannelId,
        ["channel_type"] = c.Channel.Type,
        ["unread"] = c.Unread,
        ["timestamp"] = c.LastTimestamp,
        ["last_msg_seq"] = c.LastSeq,
        ["last_client_msg_no"] = c.LastClientMsgNo,
        ["offset_msg_seq"] = 0,
        ["readed_to_msg_seq"] = c.ReadTo,
        ["version"] = c.Version,
        ["recents"] = c.Recents.Select(MessageResp),
    };
}
