using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

/// <summary>
/// Group admin routes (docs/server-behaviour/wildfire-users-groups.md). Write routes are snake_case (group_id, member_id),
/// the read routes get_info, member/list and member/get camelCase (groupId, memberId). Admin calls skip the owner,
/// manager and membership checks. Every write posts a notification from <c>operator</c>: create and member/add store
/// their change first and only then fail with code 4 when there is no operator to send it.
/// </summary>
public sealed partial class WildfireSandbox
{
    private void MapGroupRoutes()
    {
        Route("POST", "/admin/group/create", CreateGroup);
        Route("POST", "/admin/group/del", body =>
        {
            var operatorId = body.Str("operator");
            var groupId = body.Str("group_id");
            if (body == null || string.IsNullOrEmpty(operatorId) || string.IsNullOrEmpty(groupId)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            return Directory.Groups.Dismiss(groupId) ? WildfireReply.Ok() : WildfireReply.Fail(WildfireCodes.NotExist);
        });
        Route("POST", "/admin/group/get_info", body =>
        {
            var groupId = body.Str("groupId");
            if (body == null || string.IsNullOrEmpty(groupId)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            var info = Directory.Groups.Info(groupId);
            return info == null ? WildfireReply.Fail(WildfireCodes.NotExist) : WildfireReply.Ok(info);
        });
        Route("POST", "/admin/group/member/list", body =>
        {
            var groupId = body.Str("groupId");
            if (body == null || string.IsNullOrEmpty(groupId)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            var members = Directory.Groups.Members(groupId);
            return members == null ? WildfireReply.Fail(WildfireCodes.NotExist)
                : WildfireReply.Ok(new JsonObject { ["members"] = new JsonArray(members.Select(m => (JsonNode)m.ToJson()).ToArray()) });
        });
        // A non-member (or removed member) is "not exist", like an unknown group.
        Route("POST", "/admin/group/member/get", body =>
        {
            var groupId = body.Str("groupId");
            var memberId = body.Str("memberId");
            if (body == null || string.IsNullOrEmpty(groupId) || string.IsNullOrEmpty(memberId)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            var member = Directory.Groups.Members(groupId)?.FirstOrDefault(m => m.MemberId == memberId);
            return member == null ? WildfireReply.Fail(WildfireCodes.NotExist) : WildfireReply.Ok(member.ToJson());
        });
        Route("POST", "/admin/group/member/add", body =>
        {
            var operatorId = body.Str("operator");
            var groupId = body.Str("group_id");
            // The handler dereferences group_id, the list and every member_id unchecked.
            if (body == null || string.IsNullOrEmpty(groupId)) throw new WildfireBodyException("java.lang.NullPointerException");
            var members = Members(body["members"]);
            if (!Directory.Groups.Add(groupId, members)) return WildfireReply.Fail(WildfireCodes.NotExist);
            return NotifiedBy(operatorId);
        });
        // Here members are plain strings, not objects.
        Route("POST", "/admin/group/member/del", body =>
        {
            var operatorId = body.Str("operator");
            var groupId = body.Str("group_id");
            var members = body.StrList("members");
            if (body == null || string.IsNullOrEmpty(operatorId) || string.IsNullOrEmpty(groupId) || members == null || members.Count == 0)
                return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            return Directory.Groups.Remove(groupId, members) ? WildfireReply.Ok() : WildfireReply.Fail(WildfireCodes.NotExist);
        });
    }

    /// <summary>
    /// {operator, to_lines, notify_message, group:{group_info, members:[{member_id, alias, type, extra}]}} -> {group_id}.
    /// The owner is group_info.owner, else operator; it joins as type 2 if not listed, and a listed non-owner of type 2
    /// becomes 0. A taken target_id is 11; an empty one gets a generated id.
    /// </summary>
    private WildfireReply CreateGroup(JsonObject? body)
    {
        var operatorId = body.Str("operator");
        var group = body.Obj("group");
        var info = group.Obj("group_info");
        // Gson and the handler dereference group, group_info and each member unchecked.
        if (body == null || group == null || info == null) throw new WildfireBodyException("java.lang.NullPointerException");
        var members = group["members"] == null ? new List<WildfireGroupMember>() : Members(group["members"]);
        var type = info.Int("type");
        if (type is < 0 or > WildfireGroupInfo.MaxType) return WildfireReply.Fail(WildfireCodes.InvalidData);
        var owner = string.IsNullOrEmpty(info.Str("owner")) ? operatorId : info.Str("owner");
        if (string.IsNullOrEmpty(owner)) return WildfireReply.Fail(WildfireCodes.ServerError);

        var groupId = info.Str("target_id");
        if (string.IsNullOrEmpty(groupId)) groupId = WildfireDirectory.NewShortId();
        var rows = members.Where(m => m.MemberId != owner)
            .Select(m => m.Type == WildfireGroupMember.Owner ? m with { Type = WildfireGroupMember.Normal } : m).ToList();
        var listedOwner = members.FirstOrDefault(m => m.MemberId == owner);
        rows.Insert(0, (listedOwner ?? Directory.Groups.NewMember(owner)) with { Type = WildfireGroupMember.Owner });
        if (!Directory.Groups.Create(groupId, WildfireGroupInfo.Bind(groupId, owner, info), rows))
            return WildfireReply.Fail(WildfireCodes.GroupAlreadyExist);
        var notified = NotifiedBy(operatorId);
        return notified.Code == WildfireCodes.Success ? WildfireReply.Ok(new JsonObject { ["group_id"] = groupId }) : notified;
    }

    /// <summary>A member list of PojoGroupMember objects; a missing list, a plain string or a missing member_id throws (HTTP 500).</summary>
    private List<WildfireGroupMember> Members(JsonNode? list)
    {
        if (list is not JsonArray array) throw new WildfireBodyException("java.lang.NullPointerException");
        return array.Select(item =>
        {
            if (item is not JsonObject member)
                throw new WildfireBodyException("com.google.gson.JsonSyntaxException: java.lang.IllegalStateException: Expected BEGIN_OBJECT but was STRING at path $.members[0]");
            var id = member.Str("member_id");
            if (string.IsNullOrEmpty(id)) throw new WildfireBodyException("java.lang.NullPointerException");
            return Directory.Groups.NewMember(id, member.Str("alias") ?? "", member.Int("type"), member.Str("extra") ?? "");
        }).ToList();
    }

    /// <summary>The change is stored; posting its notification with a null sender throws in the IM core, which answers 4.</summary>
    private static WildfireReply NotifiedBy(string? operatorId) =>
        string.IsNullOrEmpty(operatorId) ? WildfireReply.Fail(WildfireCodes.ServerError) : WildfireReply.Ok();
}
