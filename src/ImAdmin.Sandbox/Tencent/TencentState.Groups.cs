using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>A group message as tests read it back: the group's MsgSeq, the sender, the Random and the send options.</summary>
public sealed record TencentGroupMessage(string GroupId, string From, uint MsgSeq, uint Random, long MsgTime, JsonElement MsgBody)
{
    public string? CloudCustomData { get; init; }

    /// <summary>GroupAtInfo as sent.</summary>
    public JsonElement? GroupAtInfo { get; init; }

    /// <summary>OfflinePushInfo as sent.</summary>
    public JsonElement? OfflinePushInfo { get; init; }

    public string[] ForbidCallbackControl { get; init; } = [];

    /// <summary>NeedReadReceipt 1.</summary>
    public bool NeedReadReceipt { get; init; }
}

/// <summary>A group member: role (Owner, Admin, Member) and join time.</summary>
public sealed record TencentGroupMember(string UserId, string Role, long JoinTime);

/// <summary>A group as create_group made it.</summary>
public sealed class TencentGroup(string groupId, string type, string name, long createTime)
{
    public string GroupId { get; } = groupId;
    public string Type { get; } = type;
    public string Name { get; } = name;
    public long CreateTime { get; } = createTime;
    public string? Owner { get; init; }
    public string Introduction { get; init; } = "";
    public string Notification { get; init; } = "";
    public string FaceUrl { get; init; } = "";
    public int MaxMemberCount { get; init; } = TencentState.DefaultMaxMembers;
    public string ApplyJoinOption { get; init; } = "NeedPermission";

    internal OrderedDictionary<string, TencentGroupMember> Members { get; } = new(StringComparer.Ordinal);
    internal List<TencentGroupMessage> Messages { get; } = [];
    internal HashSet<uint> Recalled { get; } = [];
    internal Dictionary<uint, (TencentGroupMessage Message, DateTimeOffset Until)> RecentRandoms { get; } = [];
    internal uint LastSeq { get; set; }
}

/// <summary>Groups, their members and messages (with send_group_msg's 5-minute Random dedupe and recalls).</summary>
public sealed partial class TencentState
{
    /// <summary>send_group_msg drops a message whose Random repeats within 5 minutes (see docs/server-behaviour/tencent.md, 'Duplicate suppression').</summary>
    public static readonly TimeSpan GroupDedupeWindow = TimeSpan.FromMinutes(5);

    /// <summary>The member cap of a group created without MaxMemberCount (the sandbox edition's).</summary>
    public const int DefaultMaxMembers = 2000;

    private readonly OrderedDictionary<string, TencentGroup> _groups = new(StringComparer.Ordinal);
    private int _groupNumber;

    /// <summary>A generated GroupId in Tencent's <c>@TGS#...</c> style.</summary>
    public string NewGroupId()
    {
        lock (_gate) return $"@TGS#{++_groupNumber:D4}{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";
    }

    /// <summary>Adds a group with its initial members (the owner first); false when the id is taken.</summary>
    public bool TryAddGroup(TencentGroup group, IEnumerable<TencentGroupMember> members)
    {
        lock (_gate)
        {
            if (!_groups.TryAdd(group.GroupId, group)) return false;
            foreach (var member in members) group.Members.TryAdd(member.UserId, member);
            return true;
        }
    }

    /// <summary>Creates an empty group (the seed's demo group); false when the id is taken.</summary>
    public bool TryCreateGroup(string? groupId, out string createdId)
    {
        createdId = groupId ?? NewGroupId();
        return TryAddGroup(new TencentGroup(createdId, "Public", createdId, DateTimeOffset.UtcNow.ToUnixTimeSeconds()), []);
    }

    public bool GroupExists(string groupId)
    {
        lock (_gate) return _groups.ContainsKey(groupId);
    }

    public TencentGroup? Group(string groupId)
    {
        lock (_gate) return _groups.GetValueOrDefault(groupId);
    }

    /// <summary>Every group in creation order.</summary>
    public IReadOnlyList<TencentGroup> Groups
    {
        get { lock (_gate) return _groups.Values.ToList(); }
    }

    public bool DestroyGroup(string groupId)
    {
        lock (_gate) return _groups.Remove(groupId);
    }

    public IReadOnlyList<TencentGroupMember> GroupMembers(string groupId)
    {
        lock (_gate) return _groups.TryGetValue(groupId, out var group) ? group.Members.Values.ToList() : [];
    }

    /// <summary>add_group_member for one account: 1 added, 2 already a member, 0 not imported; null when the group is full.</summary>
    public int? AddGroupMember(TencentGroup group, string userId, long now)
    {
        lock (_gate)
        {
            if (!_accounts.Contains(userId)) return 0;
            if (group.Members.ContainsKey(userId)) return 2;
            if (group.Members.Count >= group.MaxMemberCount) return null;
            group.Members.Add(userId, new TencentGroupMember(userId, "Member", now));
            return 1;
        }
    }

    public void RemoveGroupMember(TencentGroup group, string userId)
    {
        lock (_gate) group.Members.Remove(userId);
    }

    public IReadOnlyList<TencentGroupMessage> GroupMessages(string groupId)
    {
        lock (_gate) return _groups.TryGetValue(groupId, out var group) ? group.Messages.ToList() : [];
    }

    /// <summary>
    /// Stores a group message with the group's next MsgSeq, unless the same Random came to this group within 5 minutes:
    /// then the earlier message is returned and nothing is stored. Null when the group does not exist.
    /// </summary>
    public TencentGroupMessage? SendToGroup(string groupId, TencentGroupMessage message, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(groupId, out var group)) return null;
            if (group.RecentRandoms.TryGetValue(message.Random, out var earlier) && now <= earlier.Until) return earlier.Message;
            message = message with { MsgSeq = ++group.LastSeq };
            group.Messages.Add(message);
            group.RecentRandoms[message.Random] = (message, now + GroupDedupeWindow);
            return message;
        }
    }

    /// <summary>Recalls a group message: false when there is no such (unrecalled) message.</summary>
    public bool RecallGroupMessage(TencentGroup group, uint msgSeq)
    {
        lock (_gate) return group.Messages.Any(m => m.MsgSeq == msgSeq) && group.Recalled.Add(msgSeq);
    }

    public bool IsRecalled(TencentGroup group, uint msgSeq)
    {
        lock (_gate) return group.Recalled.Contains(msgSeq);
    }
}
