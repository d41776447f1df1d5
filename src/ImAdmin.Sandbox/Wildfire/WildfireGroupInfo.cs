using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

/// <summary>
/// PojoGroupInfo as the server binds and writes it (snake_case). The flags mute, join_type, private_chat, searchable
/// and history_message are applied at create only when 1..127, max_member_count only when positive.
/// </summary>
internal static class WildfireGroupInfo
{
    private static readonly string[] StringFields = { "name", "portrait", "owner", "extra" };
    private static readonly string[] SmallFlags = { "mute", "join_type", "private_chat", "searchable", "history_message" };

    /// <summary>Group types: 0 normal, 1 free, 2 restricted, 3 organization.</summary>
    public const int MaxType = 3;

    /// <summary>The server's member limit when the create call gives none (group.max_member_count).</summary>
    private const int DefaultMaxMembers = 2000;

    public static JsonObject Of(string groupId, string name, string owner, int type) =>
        Bind(groupId, owner, new JsonObject { ["name"] = name, ["type"] = type });

    /// <summary>The stored info of a group created from <paramref name="raw"/> with the given id and owner.</summary>
    public static JsonObject Bind(string groupId, string owner, JsonObject raw)
    {
        var info = new JsonObject { ["target_id"] = groupId };
        foreach (var field in StringFields) info[field] = raw.Str(field) ?? "";
        info["owner"] = owner;
        info["type"] = raw.Int("type");
        foreach (var flag in SmallFlags)
        {
            var value = raw.Int(flag);
            info[flag] = value is >= 1 and <= 127 ? value : 0;
        }
        var max = raw.Int("max_member_count");
        info["max_member_count"] = max > 0 ? max : DefaultMaxMembers;
        info["super_group"] = false;
        return info;
    }
}
