using System.Text;
using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>
/// group_open_http_svc: create_group, get_group_info, get_appid_group_list and destroy_group. Group APIs answer with
/// the group code family: 10004 for a bad parameter, 10005 for too many accounts in a request, 10007 for an operation
/// the group type does not allow, 10010 for a GroupId that does not exist, 10021 for a GroupId already taken (10025
/// when the caller owns it).
/// </summary>
public sealed partial class TencentSandbox
{
    public const string DemoGroupId = "demo-group";

    private const int MaxGroupNameBytes = 30;
    private const int MaxGroupIdBytes = 48;
    private const int MaxInitialMembers = 100;
    private const int MaxGroupInfoIds = 50;
    private const int MaxGroupListLimit = 10000;
    private const int GroupNotFound = 10010;

    /// <summary>get_appid_group_list's Next is an opaque unsigned 64-bit number; the sandbox's start above 2^32 so a 32-bit reader breaks.</summary>
    private const ulong GroupListCursorBase = 1UL << 40;

    private static readonly HashSet<string> GroupTypes = new(StringComparer.Ordinal) { "Private", "Work", "Public", "ChatRoom", "Meeting", "AVChatRoom", "Community" };

    private void MapGroups()
    {
        _apis["group_open_http_svc/create_group"] = call =>
        {
            var body = call.Body;
            var type = GroupString(body, "Type") ?? throw new TencentApiException(10004, "Type is missing or not a string");
            if (!GroupTypes.Contains(type)) throw new TencentApiException(10004, $"Type '{type}' is not a group type ({string.Join(", ", GroupTypes)})");
            var name = GroupString(body, "Name") ?? throw new TencentApiException(10004, "Name is missing or not a string");
            CheckBytes(name, "Name", MaxGroupNameBytes);
            var owner = GroupString(body, "Owner_Account");
            if (owner != null && !State.Exists(owner)) throw new TencentApiException(10004, "Owner_Account is not imported");
            var groupId = GroupString(body, "GroupId");
            if (groupId != null) CheckCustomGroupId(groupId, type);
            var now = options.Now().ToUnixTimeSeconds();
            var members = InitialMembers(body, type, now);
            var group = new TencentGroup(groupId ?? State.NewGroupId(), type, name, now)
            {
                Owner = owner,
                Introduction = CheckBytes(GroupString(body, "Introduction") ?? "", "Introduction", 240),
                Notification = CheckBytes(GroupString(body, "Notification") ?? "", "Notification", 300),
                FaceUrl = CheckBytes(GroupString(body, "FaceUrl") ?? "", "FaceUrl", 100),
                MaxMemberCount = body.TryGetProperty("MaxMemberCount", out var max) ? max.TryInt32(out var m) && m > 0 ? m : throw new TencentApiException(10004, "MaxMemberCount must be a positive integer") : TencentState.DefaultMaxMembers,
                ApplyJoinOption = GroupString(body, "ApplyJoinOption") ?? "NeedPermission",
            };
            var all = owner == null ? members : members.Where(x => x.UserId != owner).Prepend(new TencentGroupMember(owner, "Owner", now));
            if (!State.TryAddGroup(group, all))
            {
                var taken = State.Group(group.GroupId);
                throw taken?.Owner == call.Identifier
                    ? new TencentApiException(10025, $"GroupId '{group.GroupId}' is already used by a group you own")
                    : new TencentApiException(10021, $"GroupId '{group.GroupId}' is already used by another group");
            }
            return TencentEnvelope.Ok(("GroupId", group.GroupId));
        };

        _apis["group_open_http_svc/get_group_info"] = call =>
        {
            if (!call.Body.TryGetProperty("GroupIdList", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() is 0 or > MaxGroupInfoIds)
                throw new TencentApiException(10004, $"GroupIdList must be an array of 1 to {MaxGroupInfoIds} GroupIds");
            var infos = list.EnumerateArray().Select(item =>
            {
                var id = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.ToString();
                var group = item.ValueKind == JsonValueKind.String ? State.Group(id) : null;
                return group == null
                    ? new Dictionary<string, object?> { ["GroupId"] = id, ["ErrorCode"] = GroupNotFound, ["ErrorInfo"] = "group id invalid or group has been dissolved" }
                    : GroupInfo(group);
            }).ToList();
            return TencentEnvelope.Ok(("GroupInfo", infos));
        };

        _apis["group_open_http_svc/get_appid_group_list"] = call =>
        {
            var body = call.Body;
            var limit = MaxGroupListLimit;
            if (body.TryGetProperty("Limit", out var limitField) && (!limitField.TryInt32(out limit) || limit is < 1 or > MaxGroupListLimit))
                throw new TencentApiException(10004, $"Limit must be 1 to {MaxGroupListLimit}");
            ulong next = 0;
            if (body.TryGetProperty("Next", out var nextField) && !nextField.TryUInt64(out next))
                throw new TencentApiException(10004, "Next must be the unsigned integer the previous answer returned");
            var type = GroupString(body, "GroupType");
            var groups = State.Groups.Where(g => type == null || g.Type == type).ToList();
            var start = next == 0 ? 0 : next >= GroupListCursorBase ? (int)Math.Min(int.MaxValue, next - GroupListCursorBase) : throw new TencentApiException(10004, "Next is not a value this API returned");
            var page = groups.Skip(start).Take(limit).ToList();
            var end = start + page.Count;
            return TencentEnvelope.Ok(
                ("TotalCount", groups.Count),
                ("GroupIdList", page.Select(g => new Dictionary<string, string> { ["GroupId"] = g.GroupId }).ToList()),
                ("Next", end >= groups.Count ? 0UL : GroupListCursorBase + (ulong)end));
        };

        _apis["group_open_http_svc/destroy_group"] = call =>
        {
            var groupId = GroupString(call.Body, "GroupId") ?? throw new TencentApiException(10004, "GroupId is missing or not a string");
            if (!State.DestroyGroup(groupId)) throw new TencentApiException(GroupNotFound, $"group '{groupId}' does not exist or has been dissolved");
            return TencentEnvelope.Ok();
        };
    }

    private Dictionary<string, object?> GroupInfo(TencentGroup g)
    {
        var messages = State.GroupMessages(g.GroupId);
        var members = State.GroupMembers(g.GroupId);
        return new()
        {
            ["GroupId"] = g.GroupId,
            ["ErrorCode"] = 0,
            ["ErrorInfo"] = "",
            ["Type"] = g.Type,
            ["Name"] = g.Name,
            ["Introduction"] = g.Introduction,
            ["Notification"] = g.Notification,
            ["FaceUrl"] = g.FaceUrl,
            ["Owner_Account"] = g.Owner ?? "",
            ["CreateTime"] = g.CreateTime,
            ["InfoSeq"] = 1,
            ["LastInfoTime"] = g.CreateTime,
            ["LastMsgTime"] = messages.Count == 0 ? 0 : messages[^1].MsgTime,
            ["NextMsgSeq"] = messages.Count == 0 ? 1 : messages[^1].MsgSeq + 1,
            ["MemberNum"] = members.Count,
            ["MaxMemberNum"] = g.MaxMemberCount,
            ["ApplyJoinOption"] = g.ApplyJoinOption,
            ["MuteAllMember"] = "Off",
            ["MemberList"] = members.Select(MemberItem).ToList(),
        };
    }

    /// <summary>create_group's MemberList: at most 100 imported accounts, Role only Admin; none for an AVChatRoom (10007).</summary>
    private List<TencentGroupMember> InitialMembers(JsonElement body, string type, long now)
    {
        if (!body.TryGetProperty("MemberList", out var list)) return [];
        if (list.ValueKind != JsonValueKind.Array) throw new TencentApiException(10004, "MemberList must be an array of {Member_Account, Role?}");
        if (list.GetArrayLength() > MaxInitialMembers) throw new TencentApiException(10005, $"MemberList holds more than {MaxInitialMembers} members");
        if (type == "AVChatRoom" && list.GetArrayLength() > 0) throw new TencentApiException(10007, "an AVChatRoom cannot be created with members");
        return list.EnumerateArray().Select(item =>
        {
            var id = item.ValueKind == JsonValueKind.Object ? GroupString(item, "Member_Account") : null;
            if (id == null) throw new TencentApiException(10004, "every MemberList item needs Member_Account");
            if (!State.Exists(id)) throw new TencentApiException(10019, $"member '{id}' is not imported");
            var role = GroupString(item, "Role");
            if (role is not (null or "Admin")) throw new TencentApiException(10004, "a member's Role may only be Admin");
            return new TencentGroupMember(id, role ?? "Member", now);
        }).ToList();
    }

    /// <summary>A custom GroupId: printable ASCII, at most 48 bytes, not starting @TGS# (a Community's must start @TGS#_).</summary>
    private static void CheckCustomGroupId(string groupId, string type)
    {
        if (groupId.Length > MaxGroupIdBytes || groupId.Any(c => c is < ' ' or > '~'))
            throw new TencentApiException(10004, $"GroupId must be printable ASCII of at most {MaxGroupIdBytes} bytes");
        if (type == "Community" ? !groupId.StartsWith("@TGS#_", StringComparison.Ordinal) : groupId.StartsWith("@TGS#", StringComparison.Ordinal))
            throw new TencentApiException(10004, type == "Community" ? "a Community's custom GroupId must start with @TGS#_" : "a custom GroupId may not start with @TGS#");
    }

    private static string CheckBytes(string value, string name, int max) =>
        Encoding.UTF8.GetByteCount(value) <= max ? value : throw new TencentApiException(10004, $"{name} is longer than {max} bytes");

    /// <summary>An optional string field; a field of another JSON type is a bad parameter.</summary>
    private static string? GroupString(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value)) return null;
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new TencentApiException(10004, $"{name} must be a non-empty string");
    }

    /// <summary>An existing group named by the body's GroupId: 10004 when absent, 10010 when unknown.</summary>
    private TencentGroup ExistingGroup(JsonElement body)
    {
        var groupId = GroupString(body, "GroupId") ?? throw new TencentApiException(10004, "GroupId is missing or not a string");
        return State.Group(groupId) ?? throw new TencentApiException(GroupNotFound, $"group '{groupId}' does not exist or has been dissolved");
    }
}
