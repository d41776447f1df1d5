using System.Text;
using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>
/// group_open_http_svc/create_group and send_group_msg (see docs/server-behaviour/tencent.md, 'Accounts, presence and groups'). Group APIs answer with the group code family:
/// 10004 for a bad parameter; 10010 for a GroupId that does not exist and 10021 for a GroupId already taken (Tencent's
/// codes, not in the contract's table).
/// </summary>
public sealed partial class TencentSandbox
{
    public const string DemoGroupId = "demo-group";

    private const int MaxGroupNameBytes = 30;

    private static readonly HashSet<string> GroupTypes = new(StringComparer.Ordinal) { "Private", "Work", "Public", "ChatRoom", "Meeting", "AVChatRoom", "Community" };

    private void MapGroups()
    {
        _apis["group_open_http_svc/create_group"] = call =>
        {
            var type = GroupString(call.Body, "Type") ?? throw new TencentApiException(10004, "Type is missing or not a string");
            if (!GroupTypes.Contains(type)) throw new TencentApiException(10004, $"Type '{type}' is not a group type ({string.Join(", ", GroupTypes)})");
            var name = GroupString(call.Body, "Name") ?? throw new TencentApiException(10004, "Name is missing or not a string");
            if (Encoding.UTF8.GetByteCount(name) > MaxGroupNameBytes) throw new TencentApiException(10004, $"Name is longer than {MaxGroupNameBytes} bytes");
            var owner = GroupString(call.Body, "Owner_Account");
            if (owner != null && !State.Exists(owner)) throw new TencentApiException(10004, "Owner_Account is not imported");
            if (!State.TryCreateGroup(GroupString(call.Body, "GroupId"), out var groupId))
                throw new TencentApiException(10021, $"GroupId '{groupId}' is already used by another group");
            return TencentEnvelope.Ok(("GroupId", groupId));
        };

        _apis["group_open_http_svc/send_group_msg"] = call =>
        {
            var groupId = GroupString(call.Body, "GroupId") ?? throw new TencentApiException(10004, "GroupId is missing or not a string");
            if (!call.Body.TryGetProperty("Random", out var randomField) || !randomField.TryGetUInt32(out var random))
                throw new TencentApiException(10004, "Random is missing or not an unsigned 32-bit integer");
            var from = GroupString(call.Body, "From_Account") ?? call.Identifier;
            if (!State.Exists(from)) throw new TencentApiException(10004, "From_Account is not imported");
            var message = State.SendToGroup(groupId, from, random, ReadMsgBody(call.Body), options.Now())
                          ?? throw new TencentApiException(10010, $"group '{groupId}' does not exist or has been dissolved");
            return TencentEnvelope.Ok(("MsgTime", message.MsgTime), ("MsgSeq", message.MsgSeq));
        };
    }

    /// <summary>An optional string field; a field of another JSON type is a bad parameter.</summary>
    private static string? GroupString(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value)) return null;
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new TencentApiException(10004, $"{name} must be a non-empty string");
    }
}
