using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

public sealed partial class WildfireSandbox
{
    private static readonly string[] UserStringFields = { "displayName", "portrait", "mobile", "email", "address", "company", "social", "extra" };

    private void MapUserRoutes()
    {
        Route("POST", "/admin/user/create", CreateUser);
        Route("POST", "/admin/user/get_info", body =>
        {
            var userId = body.Str("userId");
            var name = body.Str("name");
            var mobile = body.Str("mobile");
            if (body == null || (string.IsNullOrEmpty(userId) && string.IsNullOrEmpty(name) && string.IsNullOrEmpty(mobile)))
                return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            var user = Directory.FindUser(userId, name, mobile);
            return user == null ? WildfireReply.Fail(WildfireCodes.NotExist) : WildfireReply.Ok(user);
        });
    }

    /// <summary>Create or update (InputOutputUserInfo): name is required; a missing userId is generated; answers {userId,name}.</summary>
    private WildfireReply CreateUser(JsonObject? body)
    {
        var name = body.Str("name");
        var userId = body.Str("userId");
        var gender = body.Int("gender");
        var type = body.Int("type");
        if (body == null || string.IsNullOrEmpty(name)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
        if (string.IsNullOrEmpty(userId)) userId = WildfireDirectory.NewShortId();

        var user = new JsonObject { ["userId"] = userId, ["name"] = name };
        foreach (var field in UserStringFields)
            if (body.Str(field) is { } value) user[field] = value;
        if (string.IsNullOrEmpty((string?)user["displayName"])) user["displayName"] = name;
        user["gender"] = gender;
        user["type"] = type;
        Directory.PutUser(user);
        return WildfireReply.Ok(new JsonObject { ["userId"] = userId, ["name"] = name });
    }
}
