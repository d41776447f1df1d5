using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>
/// Channel routes of WuKongIM v2.2.5 (contract §6 and errata): create/overwrite, info, delete (disband only),
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

    private static readonly JsonSerializerOptions ChannelJsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private void MapChannels(WebApplication app)
    {
        app.MapPost("/channel", (HttpRequest r) => HandleChannelRequest(r, "channelCreateReq", ChannelCreateFields, "数据格式有误！: ", CreateChannel));
        // Its decode error is the bare 数据格式有误！, without Go's detail.
        app.MapPost("/channel/info", (HttpRequest r) => HandleChannelRequest(r, "channelInfoReq", ChannelInfoFields, null, UpdateChannelInfo));
        app.MapPost("/channel/delete", (HttpRequest r) => HandleChannelRequest(r, "channelDeleteReq", ChannelFields, "数据格式有误！: ", DeleteChannel));
        app.MapPost("/channel/subscriber_add", (HttpRequest r) => HandleChannelRequest(r, "subscriberAddReq", SubscriberFields, "数据格式有误！: ", AddSubscribers));
        app.MapPost("/channel/subscriber_remove", (HttpRequest r) => HandleChannelRequest(r, "subscriberRemoveReq", SubscriberFields, "数据格式有误！: ", RemoveSubscribers));
        app.MapPost("/channel/subscriber_remove_all", (HttpRequest r) => HandleChannelRequest(r, "channelReq", ChannelFields, "数据格式有误！: ", RemoveAllSubscribers));
        MapUidList(app, "blacklist", "blacklistReq", ChannelMemberKind.Denylist, specialCharCheck: false);
        MapUidList(app, "whitelist", "whitelistReq", ChannelMemberKind.Allowlist, specialCharCheck: true);
        app.MapGet("/channel/whitelist", (string? channel_id, string? channel_type) =>
            ChannelJson(State.ChannelMembers(ChannelMemberKind.Allowlist, channel_id ?? "", ParseChannelType(channel_type))
                .Select(m => new { id = m.Id, uid = m.Uid, created_at = ToRfc3339(m.CreatedAt), updated_at = ToRfc3339(m.UpdatedAt) })));

        app.MapGet("/cluster/channels", SearchChannels);
        app.MapGet("/cluster/channels/{channelId}/{channelType}/subscribers", (string channelId, string channelType) => MemberUids(ChannelMemberKind.Subscribers, channelId, channelType));
        app.MapGet("/cluster/channels/{channelId}/{channelType}/denylist", (string channelId, string channelType) => MemberUids(ChannelMemberKind.Denylist, channelId, channelType));
        app.MapGet("/cluster/channels/{channelId}/{channelType}/allowlist", (string channelId, string channelType) => MemberUids(ChannelMemberKind.Allowlist, channelId, channelType));
    }

    /// <summary>blacklist_* and whitelist_*: the same four routes, differing only in the whitelist's special-character check and texts.</summary>
    private void MapUidList(WebApplication app, string name, string goStruct, ChannelMemberKind kind, bool specialCharCheck)
    {
        app.MapPost($"/channel/{name}_add", (HttpRequest r) => HandleChannelRequest(r, goStruct, UidListFields, "", q => ChangeUidList(q, kind, specialCharCheck, add: true)));
        app.MapPost($"/channel/{name}_remove", (HttpRequest r) => HandleChannelRequest(r, goStruct, UidListFields, "", q => ChangeUidList(q, kind, specialCharCheck, add: false)));
        app.MapPost($"/channel/{name}_set", (HttpRequest r) => HandleChannelRequest(r, goStruct, UidListFields, "", q => SetUidList(q, kind)));
        app.MapPost($"/channel/{name}_remove_all", (HttpRequest r) => HandleChannelRequest(r, "channelReq", ChannelFields, "", q =>
        {
            var error = CheckChannelReq(q);
            if (error != null) return ChannelError(error);
            State.ClearChannelMembers(kind, q.String("channel_id"), q.Number("channel_type"));
            return ChannelOk();
        }));
    }

    private async Task<IResult> HandleChannelRequest(HttpRequest request, string goStruct, IReadOnlyDictionary<string, GoType> schema, string? decodePrefix, Func<ChannelRequest, IResult> handler)
    {
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        var parsed = ChannelRequest.Bind(body, goStruct, schema, out var error);
        return parsed == null ? ChannelError(decodePrefix == null ? "数据格式有误！" : decodePrefix + error) : handler(parsed);
    }

    private IResult CreateChannel(ChannelRequest q)
    {
        var (id, type) = (q.String("channel_id"), q.Number("channel_type"));
        if (id.Trim().Length == 0) return ChannelError("频道ID不能为空！");
        if (type == 0) return ChannelError("频道类型错误！");
        if (HasReservedChar(id)) return ChannelError("频道ID不能包含特殊字符！");
        var subscribers = q.Strings("subscribers");
        if (type == PersonChannelType && subscribers.Count > 0) return ChannelError("不支持个人频道添加订阅者！");
        var now = options.Now();
        State.PutChannelInfo(id, type, ChannelFlagsOf(q), now);
        if (q.Number("reset") == 1 || subscribers.Count > 0)
            State.AddChannelMembers(ChannelMemberKind.Subscribers, id, type, subscribers, now, replace: q.Number("reset") == 1);
        return ChannelOk();
    }

    /// <summary>Nothing is validated: even an empty channel id is stored. Every flag is overwritten.</summary>
    private IResult UpdateChannelInfo(ChannelRequest q)
    {
        State.PutChannelInfo(q.String("channel_id"), q.Number("channel_type"), ChannelFlagsOf(q), options.Now());
        return ChannelOk();
    }

    /// <summary>Only marks the channel disbanded; a channel that does not exist still gets 200.</summary>
    private IResult DeleteChannel(ChannelRequest q)
    {
        // The server's own (misleading) text for this refusal.
        if (q.Number("channel_type") == PersonChannelType) return ChannelError("个人频道不支持添加订阅者！");
        State.DisbandChannel(q.String("channel_id"), q.Number("channel_type"), options.Now());
        return ChannelOk();
    }

    private IResult AddSubscribers(ChannelRequest q)
    {
        var error = CheckSubscriberReq(q) ?? (q.Number("channel_type") == PersonChannelType ? "个人频道不支持添加订阅者！" : null)
            ?? (q.Number("temp_subscriber") == 1 ? "新版本临时订阅者已不支持！" : null);
        if (error != null) return ChannelError(error);
        var (id, type) = (q.String("channel_id"), q.Number("channel_type") == 0 ? GroupChannelType : q.Number("channel_type"));
        var now = options.Now();
        State.EnsureChannelInfo(id, type, now);
        State.AddChannelMembers(ChannelMemberKind.Subscribers, id, type, q.Strings("subscribers"), now, replace: q.Number("reset") == 1);
        return ChannelOk();
    }

    private IResult RemoveSubscribers(ChannelRequest q)
    {
        var error = CheckSubscriberReq(q) ?? (q.Number("channel_type") == PersonChannelType ? "个人频道不支持添加订阅者！" : null);
        if (error != null) return ChannelError(error);
        State.RemoveChannelMembers(ChannelMemberKind.Subscribers, q.String("channel_id"), q.Number("channel_type"), q.Strings("subscribers"));
        return ChannelOk();
    }

    private IResult RemoveAllSubscribers(ChannelRequest q)
    {
        var error = CheckChannelReq(q) ?? (q.Number("channel_type") == PersonChannelType ? "个人频道不支持此操作！" : null);
        if (error != null) return ChannelError(error);
        State.ClearChannelMembers(ChannelMemberKind.Subscribers, q.String("channel_id"), q.Number("channel_type"));
        return ChannelOk();
    }

    /// <summary>blacklistReq.Check / whitelistReq.Check, then add or remove. The whitelist also refuses '@#&amp;' ids and all-blank lists.</summary>
    private IResult ChangeUidList(ChannelRequest q, ChannelMemberKind kind, bool whitelistChecks, bool add)
    {
        var (id, type, uids) = (q.String("channel_id"), q.Number("channel_type"), q.Strings("uids"));
        string? error = id.Length == 0 ? "channel_id不能为空！"
            : whitelistChecks && HasReservedChar(id) ? "频道ID不能包含特殊字符！"
            : type == 0 ? "频道类型不能为0！"
            : (whitelistChecks ? AllBlankIds(uids) : uids.Count == 0) ? "uids不能为空！"
            : null;
        if (error != null) return ChannelError(error);
        if (add) State.AddChannelMembers(kind, id, type, uids, options.Now());
        else State.RemoveChannelMembers(kind, id, type, uids);
        return ChannelOk();
    }

    /// <summary>*_set checks only the channel id; an empty uids list empties the list.</summary>
    private IResult SetUidList(ChannelRequest q, ChannelMemberKind kind)
    {
        var id = q.String("channel_id");
        if (id.Trim().Length == 0) return ChannelError("频道ID不能为空！");
        State.AddChannelMembers(kind, id, q.Number("channel_type"), q.Strings("uids"), options.Now(), replace: true);
        return ChannelOk();
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
            return ChannelJson(new { total = 0, more = 0, data = new[] { ChannelEntry(one) } });
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
        return ChannelJson(new { total = 0, more = more ? 1 : 0, data = page.Select(ChannelEntry) });
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
        ChannelJson(State.ChannelMembers(kind, channelId, ParseChannelType(channelType)).Select(m => m.Uid));

    private static ChannelFlags ChannelFlagsOf(ChannelRequest q) => new(
        Ban: q.Number("ban") == 1, SendBan: q.Number("send_ban") == 1, AllowStranger: q.Number("allow_stranger") == 1,
        Large: q.Number("large") == 1, Disband: q.Number("disband") == 1);

    /// <summary>subscriberAddReq.Check / subscriberRemoveReq.Check.</summary>
    private static string? CheckSubscriberReq(ChannelRequest q) =>
        q.String("channel_id").Trim().Length == 0 ? "频道ID不能为空！"
        : HasReservedChar(q.String("channel_id")) ? "频道ID不能包含特殊字符！"
        : AllBlankIds(q.Strings("subscribers")) ? "订阅者不能为空！"
        : null;

    /// <summary>channelReq.Check (the *_remove_all routes).</summary>
    private static string? CheckChannelReq(ChannelRequest q) =>
        q.String("channel_id").Length == 0 ? "channel_id不能为空！" : q.Number("channel_type") == 0 ? "频道类型不能为0！" : null;

    private static bool HasReservedChar(string id) => id.Contains('@') || id.Contains('#') || id.Contains('&');

    private static bool AllBlankIds(IReadOnlyList<string> values) => values.All(v => v.Trim().Length == 0);

    /// <summary>wkutil.ParseUint8: anything that is not a uint8 reads as 0.</summary>
    private static int ParseChannelType(string? value) => byte.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : 0;

    private static long ToUnixNanos(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    private static string ToRfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>A stable slot number for the listing (the real one is a CRC32 of the id modulo the slot count).</summary>
    private static int ChannelSlot(string channelId) => (int)((uint)channelId.Aggregate(17, (h, c) => unchecked(h * 31 + c)) % 128);

    private static IResult ChannelOk() => Results.Json(new { status = 200 });

    private static IResult ChannelError(string msg) => Results.Json(new { msg, status = 400 }, ChannelJsonOptions, statusCode: 400);

    private static IResult ChannelJson(object value) => Results.Json(value, ChannelJsonOptions);
}
