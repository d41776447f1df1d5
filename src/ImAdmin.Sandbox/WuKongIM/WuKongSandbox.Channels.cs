using System.Globalization;
using static ImAdmin.Sandbox.WuKongIM.WuKongReplies;

namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>
/// Channel routes of WuKongIM v2.2.5 (see docs/server-behaviour/wukongim.md, 'Channels'): create/overwrite, info, delete (disband only),
/// subscribers, blacklist, whitelist, and the /cluster reads. Validation order and texts follow the server's
/// handlers; errors are HTTP 400 <c>{msg,status:400}</c>.
/// </summary>
public sealed partial class WuKongSandbox
{
    private const int PersonChannelType = 1;
    private const int GroupChannelType = 2;

    /// <summary>Query filters of the cluster channel search that dereference a nil pointer in v2.2.5 (HTTP 500).</summary>
    private static readonly string[] CrashingSearchFilters =
    [
        "ban", "disband", "subscriber_count_gte", "subscriber_count_lte", "denylist_count_gte", "denylist_count_lte",
        "allowlist_count_gte", "allowlist_count_lte",
    ];

    /// <summary>What most channel handlers put before Go's decode error.</summary>
    private const string GoDetail = WuKongBody.FormatError + ": ";

    private static readonly Dictionary<string, GoType> ChannelInfoFields = new()
    {
        ["channel_id"] = GoType.String, ["channel_type"] = GoType.UInt8, ["large"] = GoType.Int, ["ban"] = GoType.Int,
        ["disband"] = GoType.Int, ["send_ban"] = GoType.Int, ["allow_stranger"] = GoType.Int,
    };

    private static readonly Dictionary<string, GoType> ChannelCreateFields = new(ChannelInfoFields)
    {
        ["reset"] = GoType.Int, ["subscribers"] = GoType.StringSlice,
    };

    private static readonly Dictionary<string, GoType> ChannelFields = new() { ["channel_id"] = GoType.String, ["channel_type"] = GoType.UInt8 };

    private static readonly Dictionary<string, GoType> SubscriberFields = new(ChannelFields)
    {
        ["reset"] = GoType.Int, ["temp_subscriber"] = GoType.Int, ["subscribers"] = GoType.StringSlice,
    };

    private static readonly Dictionary<string, GoType> UidListFields = new(ChannelFields) { ["uids"] = GoType.StringSlice };

    private void MapChannels(WebApplication app)
    {
        app.MapWuKongPost("/channel", new GoStruct("channelCreateReq", ChannelCreateFields), GoDetail, CreateChannel);
        // Its decode error is the bare 数据格式有误！, without Go's detail.
        app.MapWuKongPost("/channel/info", new GoStruct("channelInfoReq", ChannelInfoFields), null, UpdateChannelInfo);
        app.MapWuKongPost("/channel/delete", new GoStruct("channelDeleteReq", ChannelFields), GoDetail, DeleteChannel);
        app.MapWuKongPost("/channel/subscriber_add", new GoStruct("subscriberAddReq", SubscriberFields), GoDetail, AddSubscribers);
        app.MapWuKongPost("/channel/subscriber_remove", new GoStruct("subscriberRemoveReq", SubscriberFields), GoDetail, RemoveSubscribers);
        app.MapWuKongPost("/channel/subscriber_remove_all", new GoStruct("channelReq", ChannelFields), GoDetail, RemoveAllSubscribers);
        MapUidList(app, "blacklist", "blacklistReq", ChannelMemberKind.Denylist, specialCharCheck: false);
        MapUidList(app, "whitelist", "whitelistReq", ChannelMemberKind.Allowlist, specialCharCheck: true);
        app.MapGet("/channel/whitelist", (string? channel_id, string? channel_type) =>
            Results.Json(State.ChannelMembers(ChannelMemberKind.Allowlist, channel_id ?? "", ParseChannelType(channel_type))
                .Select(m => new { id = m.Id, uid = m.Uid, created_at = ToRfc3339(m.CreatedAt), updated_at = ToRfc3339(m.UpdatedAt) })));

        app.MapGet("/cluster/channels", SearchChannels);
        app.MapGet("/cluster/channels/{channelId}/{channelType}/subscribers", (string channelId, string channelType) => MemberUids(ChannelMemberKind.Subscribers, channelId, channelType));
        app.MapGet("/cluster/channels/{channelId}/{channelType}/denylist", (string channelId, string channelType) => MemberUids(ChannelMemberKind.Denylist, channelId, channelType));
        app.MapGet("/cluster/channels/{channelId}/{channelType}/allowlist", (string channelId, string channelType) => MemberUids(ChannelMemberKind.Allowlist, channelId, channelType));
    }

    /// <summary>blacklist_* and whitelist_*: the same four routes, differing only in the whitelist's special-character check and texts.</summary>
    private void MapUidList(WebApplication app, string name, string goStruct, ChannelMemberKind kind, bool specialCharCheck)
    {
        var list = new GoStruct(goStruct, UidListFields);
        // These handlers answer Go's error text alone.
        app.MapWuKongPost($"/channel/{name}_add", list, "", q => ChangeUidList(q, kind, specialCharCheck, add: true));
        app.MapWuKongPost($"/channel/{name}_remove", list, "", q => ChangeUidList(q, kind, specialCharCheck, add: false));
        app.MapWuKongPost($"/channel/{name}_set", list, "", q => SetUidList(q, kind));
        app.MapWuKongPost($"/channel/{name}_remove_all", new GoStruct("channelReq", ChannelFields), "", q =>
        {
            var error = CheckChannelReq(q);
            if (error != null) return BadRequest(error);
            State.ClearChannelMembers(kind, q.Str("channel_id"), q.Int("channel_type"));
            return Ok();
        });
    }

    private IResult CreateChannel(WuKongBody q)
    {
        var (id, type) = (q.Str("channel_id"), q.Int("channel_type"));
        if (id.Trim().Length == 0) return BadRequest("频道ID不能为空！");
        if (type == 0) return BadRequest("频道类型错误！");
        if (HasReservedChar(id)) return BadRequest("频道ID不能包含特殊字符！");
        var subscribers = q.Strings("subscribers");
        if (type == PersonChannelType && subscribers.Count > 0) return BadRequest("不支持个人频道添加订阅者！");
        var now = options.Now();
        State.PutChannelInfo(id, type, ChannelFlagsOf(q), now);
        if (q.Int("reset") == 1 || subscribers.Count > 0)
            State.AddChannelMembers(ChannelMemberKind.Subscribers, id, type, subscribers, now, replace: q.Int("reset") == 1);
        return Ok();
    }

    /// <summary>Nothing is validated: even an empty channel id is stored. Every flag is overwritten.</summary>
    private IResult UpdateChannelInfo(WuKongBody q)
    {
        State.PutChannelInfo(q.Str("channel_id"), q.Int("channel_type"), ChannelFlagsOf(q), options.Now());
        return Ok();
    }

    /// <summary>Only marks the channel disbanded; a channel that does not exist still gets 200.</summary>
    private IResult DeleteChannel(WuKongBody q)
    {
        // The server's own (misleading) text for this refusal.
        if (q.Int("channel_type") == PersonChannelType) return BadRequest("个人频道不支持添加订阅者！");
        State.DisbandChannel(q.Str("channel_id"), q.Int("channel_type"), options.Now());
        return Ok();
    }

    private IResult AddSubscribers(WuKongBody q)
    {
        var error = CheckSubscriberReq(q) ?? (q.Int("channel_type") == PersonChannelType ? "个人频道不支持添加订阅者！" : null)
            ?? (q.Int("temp_subscriber") == 1 ? "新版本临时订阅者已不支持！" : null);
        if (error != null) return BadRequest(error);
        var (id, type) = (q.Str("channel_id"), q.Int("channel_type") == 0 ? GroupChannelType : q.Int("channel_type"));
        var now = options.Now();
        State.EnsureChannelInfo(id, type, now);
        State.AddChannelMembers(ChannelMemberKind.Subscribers, id, type, q.Strings("subscribers"), now, replace: q.Int("reset") == 1);
        return Ok();
    }

    private IResult RemoveSubscribers(WuKongBody q)
    {
        var error = CheckSubscriberReq(q) ?? (q.Int("channel_type") == PersonChannelType ? "个人频道不支持添加订阅者！" : null);
        if (error != null) return BadRequest(error);
        State.RemoveChannelMembers(ChannelMemberKind.Subscribers, q.Str("channel_id"), q.Int("channel_type"), q.Strings("subscribers"));
        return Ok();
    }

    private IResult RemoveAllSubscribers(WuKongBody q)
    {
        var error = CheckChannelReq(q) ?? (q.Int("channel_type") == PersonChannelType ? "个人频道不支持此操作！" : null);
        if (error != null) return BadRequest(error);
        State.ClearChannelMembers(ChannelMemberKind.Subscribers, q.Str("channel_id"), q.Int("channel_type"));
        return Ok();
    }

    /// <summary>blacklistReq.Check / whitelistReq.Check, then add or remove. The whitelist also refuses '@#&amp;' ids and all-blank lists.</summary>
    private IResult ChangeUidList(WuKongBody q, ChannelMemberKind kind, bool whitelistChecks, bool add)
    {
        var (id, type, uids) = (q.Str("channel_id"), q.Int("channel_type"), q.Strings("uids"));
        string? error = id.Length == 0 ? "channel_id不能为空！"
            : whitelistChecks && HasReservedChar(id) ? "频道ID不能包含特殊字符！"
            : type == 0 ? "频道类型不能为0！"
            : (whitelistChecks ? AllBlankIds(uids) : uids.Count == 0) ? "uids不能为空！"
            : null;
        if (error != null) return BadRequest(error);
        if (add) State.AddChannelMembers(kind, id, type, uids, options.Now());
        else State.RemoveChannelMembers(kind, id, type, uids);
        return Ok();
    }

    /// <summary>*_set checks only the channel id; an empty uids list empties the list.</summary>
    private IResult SetUidList(WuKongBody q, ChannelMemberKind kind)
    {
        var id = q.Str("channel_id");
        if (id.Trim().Length == 0) return BadRequest("频道ID不能为空！");
        State.AddChannelMembers(kind, id, q.Int("channel_type"), q.Strings("uids"), options.Now(), replace: true);
        return Ok();
    }

    /// <summary>
    /// GET /cluster/channels: with both channel_id and channel_type it looks one channel up and answers one entry
    /// (empty for a missing channel); otherwise it lists channels newest first, <c>limit</c> (default 20) at a time.
    /// </summary>
    private IResult SearchChannels(HttpRequest request)
    {
        if (CrashingSearchFilters.Any(f => !string.IsNullOrWhiteSpace(request.Query[f])))
            return Results.StatusCode(500); // gin's recovery after the nil-pointer panic: 500, empty body
        var id = request.Query["channel_id"].ToString().Trim();
        var type = ParseChannelType(request.Query["channel_type"]);
        if (id.Length > 0 && type != 0)
        {
            var one = State.FindChannelInfo(id, type);
            return Results.Json(new { total = 0, more = 0, data = new[] { ChannelEntry(one) } });
        }
        var limit = int.TryParse(request.Query["limit"], out var l) && l > 0 ? l : 20;
        var offset = long.TryParse(request.Query["offset_created_at"], out var o) ? o : 0;
        var pre = request.Query["pre"] == "1";
        var candidates = State.ChannelInfos()
            .Where(c => (id.Length == 0 || c.ChannelId == id) && (type == 0 || c.ChannelType == type))
            .Where(c => offset <= 0 || (pre ? ToUnixNanos(c.CreatedAt) > offset : ToUnixNanos(c.CreatedAt) < offset))
            .OrderBy(c => pre ? ToUnixNanos(c.CreatedAt) : -ToUnixNanos(c.CreatedAt))
            .Take(limit + 1)
            .OrderByDescending(c => ToUnixNanos(c.CreatedAt))
            .ToList();
        var more = candidates.Count > limit;
        var page = !more ? candidates : pre ? candidates.Skip(candidates.Count - limit).ToList() : candidates.Take(limit).ToList();
        return Results.Json(new { total = 0, more = more ? 1 : 0, data = page.Select(ChannelEntry) });
    }

    private object ChannelEntry(ChannelInfoRecord? c)
    {
        var id = c?.ChannelId ?? "";
        var type = c?.ChannelType ?? 0;
        var flags = c?.Flags ?? default;
        return new
        {
            id = c?.Id ?? 0,
            slot = ChannelSlot(id),
            channel_id = id,
            channel_type = type,
            ban = flags.Ban ? 1 : 0,
            disband = flags.Disband ? 1 : 0,
            subscriber_count = c == null ? 0 : State.ChannelMembers(ChannelMemberKind.Subscribers, id, type).Count,
            allowlist_count = c == null ? 0 : State.ChannelMembers(ChannelMemberKind.Allowlist, id, type).Count,
            denylist_count = c == null ? 0 : State.ChannelMembers(ChannelMemberKind.Denylist, id, type).Count,
            last_msg_seq = 0,
            last_msg_time = 0,
            last_msg_time_format = "",
            status_format = flags.Ban ? "封禁" : flags.Disband ? "解散" : "正常",
            created_at = c == null ? 0 : ToUnixNanos(c.CreatedAt),
            updated_at = c == null ? 0 : ToUnixNanos(c.UpdatedAt),
            created_at_format = c == null ? "" : c.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            updated_at_format = c == null ? "" : c.UpdatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The bare uid array of the /cluster member reads; a channel without the list answers [].</summary>
    private IResult MemberUids(ChannelMemberKind kind, string channelId, string channelType) =>
        Results.Json(State.ChannelMembers(kind, channelId, ParseChannelType(channelType)).Select(m => m.Uid));

    private static ChannelFlags ChannelFlagsOf(WuKongBody q) => new(
        Ban: q.Int("ban") == 1, SendBan: q.Int("send_ban") == 1, AllowStranger: q.Int("allow_stranger") == 1,
        Large: q.Int("large") == 1, Disband: q.Int("disband") == 1);

    /// <summary>subscriberAddReq.Check / subscriberRemoveReq.Check.</summary>
    private static string? CheckSubscriberReq(WuKongBody q) =>
        q.Str("channel_id").Trim().Length == 0 ? "频道ID不能为空！"
        : HasReservedChar(q.Str("channel_id")) ? "频道ID不能包含特殊字符！"
        : AllBlankIds(q.Strings("subscribers")) ? "订阅者不能为空！"
        : null;

    /// <summary>channelReq.Check (the *_remove_all routes).</summary>
    private static string? CheckChannelReq(WuKongBody q) =>
        q.Str("channel_id").Length == 0 ? "channel_id不能为空！" : q.Int("channel_type") == 0 ? "频道类型不能为0！" : null;

    private static bool HasReservedChar(string id) => id.Contains('@') || id.Contains('#') || id.Contains('&');

    private static bool AllBlankIds(IReadOnlyList<string> values) => values.All(v => v.Trim().Length == 0);

    /// <summary>wkutil.ParseUint8: anything that is not a uint8 reads as 0.</summary>
    private static int ParseChannelType(string? value) => byte.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : 0;

    private static long ToUnixNanos(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    private static string ToRfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>A stable slot number for the listing (the real one is a CRC32 of the id modulo the slot count).</summary>
    private static int ChannelSlot(string channelId) => (int)((uint)channelId.Aggregate(17, (h, c) => unchecked(h * 31 + c)) % 128);
}
