using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

/// <summary>User admin routes (docs/server-behaviour/wildfire-users-groups.md); all camelCase.</summary>
public sealed partial class WildfireSandbox
{
    /// <summary>user/update's flag bits, lowest first: displayName 0x01 ... name 0x200.</summary>
    private static readonly string[] UpdateFlagFields = { "displayName", "portrait", "gender", "mobile", "email", "address", "company", "social", "extra", "name" };

    /// <summary>User types create accepts: normal, admin, super admin (robots come from /admin/robot/create).</summary>
    private static readonly int[] CreatableTypes = { 0, 3, 100 };

    private void MapUserRoutes()
    {
        Route("POST", "/admin/user/create", CreateUser);
        Route("POST", "/admin/user/update", UpdateUser);
        Route("POST", "/admin/user/get_info", body =>
        {
            var userId = body.Str("userId");
            var name = body.Str("name");
            var mobile = body.Str("mobile");
            if (body == null || (string.IsNullOrEmpty(userId) && string.IsNullOrEmpty(name) && string.IsNullOrEmpty(mobile)))
                return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            var user = Directory.Users.Find(userId, name, mobile);
            return user == null ? WildfireReply.Fail(WildfireCodes.NotExist) : WildfireReply.Ok(user);
        });
        if (options.WildfireBatchUserInfo)
            // Unknown ids are skipped without a word and destroyed users come back: the caller must notice both itself.
            Route("POST", "/admin/user/batch_get_infos", body =>
            {
                var ids = body.StrList("list");
                if (body == null || ids == null || ids.Count == 0) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
                return WildfireReply.Ok(new JsonObject { ["userInfos"] = new JsonArray(Directory.Users.FindMany(ids).Select(u => (JsonNode)u).ToArray()) });
            });
        Route("POST", "/admin/user/all", body =>
        {
            var count = body.Int("count");
            var offset = body.Int("offset");
            if (body == null || count <= 0 || offset < 0) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            return WildfireReply.Ok(new JsonObject { ["userInfoList"] = new JsonArray(Directory.Users.Page(offset, count).Select(u => (JsonNode)u).ToArray()) });
        });
        // Always success once userId is given: no existence check, any integer stored, 0 removes the entry.
        Route("POST", "/admin/user/update_block_status", body =>
        {
            var userId = body.Str("userId");
            var status = body.Int("status");
            if (body == null || string.IsNullOrEmpty(userId)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            Directory.Users.SetBlockStatus(userId, status);
            return WildfireReply.Ok();
        });
        Route("POST", "/admin/user/check_block_status", body =>
        {
            var userId = body.Str("userId");
            if (body == null || string.IsNullOrEmpty(userId)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            return WildfireReply.Ok(new JsonObject { ["status"] = Directory.Users.BlockStatus(userId) });
        });
        Route("POST", "/admin/user/get_blocked_list", _ => WildfireReply.Ok(new JsonObject
        {
            ["statusList"] = new JsonArray(Directory.Users.Blocked().Select(b => (JsonNode)new JsonObject { ["userId"] = b.UserId, ["status"] = b.Status }).ToArray()),
        }));
        // Always 0 once userId is given, known or not; the user leaves every group.
        Route("POST", "/admin/user/destroy", body =>
        {
            var userId = body.Str("userId");
            if (body == null || string.IsNullOrEmpty(userId)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            if (Directory.Users.Destroy(userId)) Directory.Groups.Quit(userId);
            return WildfireReply.Ok();
        });
    }

    /// <summary>
    /// Create or update (InputOutputUserInfo): name is required and unique; a missing userId is generated; the whole row
    /// is replaced. displayName left out is stored as "", sent as "" it becomes the name. Answers {userId,name}.
    /// </summary>
    private WildfireReply CreateUser(JsonObject? body)
    {
        var name = body.Str("name");
        var userId = body.Str("userId");
        var type = body.Int("type");
        if (body == null || string.IsNullOrEmpty(name) || !CreatableTypes.Contains(type)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
        if (string.IsNullOrEmpty(userId)) userId = WildfireDirectory.NewShortId();

        var user = new JsonObject { ["userId"] = userId, ["gender"] = body.Int("gender"), ["type"] = type };
        foreach (var field in WildfireUserStore.StringFields)
            if (body.Str(field) is { } value) user[field] = value;
        if (body.Str("displayName") == "") user["displayName"] = name;
        return WriteRow(() => Directory.Users.Upsert(user), new JsonObject { ["userId"] = userId, ["name"] = name });
    }

    /// <summary>{flag, userInfo}: only the flagged fields change; a flagged field missing from userInfo is cleared.</summary>
    private WildfireReply UpdateUser(JsonObject? body)
    {
        var flag = body.Int("flag");
        var info = body.Obj("userInfo");
        var userId = info.Str("userId");
        if (body == null || flag <= 0 || info == null || string.IsNullOrEmpty(userId)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
        var fields = UpdateFlagFields.Where((_, bit) => (flag & (1 << bit)) != 0).ToList();
        if (fields.Contains("name") && string.IsNullOrEmpty(info.Str("name"))) return WildfireReply.Fail(WildfireCodes.InvalidParameter);

        var values = new JsonObject();
        foreach (var field in fields)
            values[field] = field == "gender" ? info.Int(field) : info.Str(field);
        var found = true;
        var reply = WriteRow(() => found = Directory.Users.Update(userId, fields, values), null);
        return found ? reply : WildfireReply.Fail(WildfireCodes.NotExist);
    }

    /// <summary>A row write that the database refuses is code 4 with the exception's text as msg, and no result.</summary>
    private static WildfireReply WriteRow(Action write, JsonNode? result)
    {
        try
        {
            write();
            return WildfireReply.Ok(result);
        }
        catch (WildfireRowException ex)
        {
            return WildfireReply.Fail(WildfireCodes.ServerError, ex.Message);
        }
    }
}
