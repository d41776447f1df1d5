using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>
/// get_group_member_info (Limit ≤ 200 with Offset; a Community pages with Next only; no Limit = every member),
/// add_group_member (≤ 300 a call; Result 0 not imported, 1 added, 2 already a member; 10014 for a full group) and
/// delete_group_member (≤ 100 a call; a non-member is no error). No member operations on an AVChatRoom.
/// </summary>
public sealed partial class TencentSandbox
{
    private const int MaxMemberPage = 200;
    private const int MaxAddMembers = 300;
    private const int MaxDeleteMembers = 100;

    private void MapGroupMembers()
    {
        _apis["group_open_http_svc/get_group_member_info"] = call =>
        {
            var body = call.Body;
            var group = ExistingGroup(body);
            if (group.Type == "AVChatRoom") throw new TencentApiException(10007, "an AVChatRoom has no member list");
            var members = State.GroupMembers(group.GroupId);
            int? limit = null;
            if (body.TryGetProperty("Limit", out var limitField))
                limit = limitField.TryInt32(out var l) && l is >= 1 and <= MaxMemberPage ? l : throw new TencentApiException(10004, $"Limit must be 1 to {MaxMemberPage}");
            if (group.Type == "Community")
            {
                if (body.TryGetProperty("Offset", out _)) throw new TencentApiException(10004, "a Community group pages with Next, not Offset");
                var next = body.TryGetProperty("Next", out var nextField) ? nextField.ValueKind == JsonValueKind.String ? nextField.GetString()! : throw new TencentApiException(10004, "Next must be a string") : "";
                var from = next.Length == 0 ? 0 : int.TryParse(next, out var n) && n > 0 ? n : throw new TencentApiException(10004, "Next is not a value this API returned");
                var page = members.Skip(from).Take(limit ?? members.Count).ToList();
                var end = from + page.Count;
                return TencentEnvelope.Ok(("MemberNum", members.Count), ("MemberList", page.Select(MemberItem).ToList()), ("Next", end >= members.Count ? "" : end.ToString()));
            }
            var offset = 0;
            if (body.TryGetProperty("Offset", out var offsetField) && (!offsetField.TryInt32(out offset) || offset < 0))
                throw new TencentApiException(10004, "Offset must be a non-negative integer");
            var items = members.Skip(offset).Take(limit ?? members.Count).Select(MemberItem).ToList();
            return TencentEnvelope.Ok(("MemberNum", members.Count), ("MemberList", items));
        };

        _apis["group_open_http_svc/add_group_member"] = call =>
        {
            var group = ExistingGroup(call.Body);
            var accounts = MemberIds(call.Body, "MemberList", MaxAddMembers, item => item.ValueKind == JsonValueKind.Object ? GroupString(item, "Member_Account") : null);
            if (group.Type == "AVChatRoom") throw new TencentApiException(10007, "members join an AVChatRoom by themselves; it has no member operations");
            var now = options.Now().ToUnixTimeSeconds();
            var results = new List<Dictionary<string, object>>();
            foreach (var account in accounts)
            {
                var result = State.AddGroupMember(group, account, now) ?? throw new TencentApiException(10014, $"group '{group.GroupId}' is full ({group.MaxMemberCount} members)");
                results.Add(new() { ["Member_Account"] = account, ["Result"] = result });
            }
            return TencentEnvelope.Ok(("MemberList", results));
        };

        _apis["group_open_http_svc/delete_group_member"] = call =>
        {
            var group = ExistingGroup(call.Body);
            var accounts = MemberIds(call.Body, "MemberToDel_Account", MaxDeleteMembers, item => item.ValueKind == JsonValueKind.String ? item.GetString() : null);
            if (group.Type == "AVChatRoom") throw new TencentApiException(10004, "an AVChatRoom has no member operations");
            foreach (var account in accounts) State.RemoveGroupMember(group, account);
            return TencentEnvelope.Ok();
        };
    }

    /// <summary>The account ids of a member array: 10004 when malformed or empty, 10005 over <paramref name="max"/>.</summary>
    private static List<string> MemberIds(JsonElement body, string name, int max, Func<JsonElement, string?> read)
    {
        if (!body.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            throw new TencentApiException(10004, $"{name} must be a non-empty array");
        if (list.GetArrayLength() > max) throw new TencentApiException(10005, $"{name} holds more than {max} accounts");
        return list.EnumerateArray().Select(item => read(item) ?? throw new TencentApiException(10004, $"{name} holds an item that is not an account")).ToList();
    }

    private static Dictionary<string, object> MemberItem(TencentGroupMember m) => new()
    {
        ["Member_Account"] = m.UserId,
        ["Role"] = m.Role,
        ["JoinTime"] = m.JoinTime,
        ["MsgSeq"] = 0,
        ["MsgFlag"] = "AcceptAndNotify",
        ["LastSendMsgTime"] = 0,
        ["MuteUntil"] = 0,
        ["NameCard"] = "",
    };
}
