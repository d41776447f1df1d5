using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

/// <summary>A group member row (PojoGroupMember): type 0 normal, 1 manager, 2 owner, 3 silent, 4 removed, 5 allowed.</summary>
public sealed record WildfireGroupMember(string MemberId, string Alias, int Type, string Extra, long CreateDt)
{
    public const int Normal = 0;
    public const int Owner = 2;
    public const int Removed = 4;

    public JsonObject ToJson() => new() { ["member_id"] = MemberId, ["alias"] = Alias, ["type"] = Type, ["extra"] = Extra, ["createDt"] = CreateDt };
}

/// <summary>
/// Groups (<c>t_group</c>, <c>t_group_member</c>): the info fields of PojoGroupInfo and the member rows. Removed
/// members keep a row of type 4 and drop out of lists and counts; the owner is whoever <c>owner</c> names, a member
/// or not (an admin can remove the owner, and transfer does not check membership).
/// </summary>
public sealed class WildfireGroupStore(Func<DateTimeOffset> now)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (JsonObject Info, Dictionary<string, WildfireGroupMember> Members)> _groups = new(StringComparer.Ordinal);

    public bool Exists(string groupId)
    {
        lock (_gate) return _groups.ContainsKey(groupId);
    }

    /// <summary>Adds a group; false (and nothing stored) when the id is taken.</summary>
    public bool Create(string groupId, JsonObject info, IEnumerable<WildfireGroupMember> members)
    {
        lock (_gate)
        {
            if (_groups.ContainsKey(groupId)) return false;
            _groups[groupId] = (info, members.ToDictionary(m => m.MemberId, StringComparer.Ordinal));
            return true;
        }
    }

    public bool Dismiss(string groupId)
    {
        lock (_gate) return _groups.Remove(groupId);
    }

    /// <summary>get_info: every PojoGroupInfo field, with max_member_count carrying the current member count (as the server does).</summary>
    public JsonObject? Info(string groupId)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(groupId, out var group)) return null;
            var info = (JsonObject)group.Info.DeepClone();
            info["max_member_count"] = group.Members.Values.Count(m => m.Type != WildfireGroupMember.Removed);
            return info;
        }
    }

    /// <summary>The members that are not removed, owner included; null for an unknown group.</summary>
    public IReadOnlyList<WildfireGroupMember>? Members(string groupId)
    {
        lock (_gate)
            return _groups.TryGetValue(groupId, out var group) ? group.Members.Values.Where(m => m.Type != WildfireGroupMember.Removed).ToList() : null;
    }

    /// <summary>
    /// member/add for an admin: new ids join with the type given; a current member is written again (so adding is
    /// idempotent) and keeps its role; a removed one comes back. False for an unknown group.
    /// </summary>
    public bool Add(string groupId, IEnumerable<WildfireGroupMember> members)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(groupId, out var group)) return false;
            foreach (var member in members)
            {
                var kept = group.Members.TryGetValue(member.MemberId, out var current) && current.Type != WildfireGroupMember.Removed;
                group.Members[member.MemberId] = kept ? current! with { Alias = member.Alias, Extra = member.Extra } : member;
            }
            return true;
        }
    }

    /// <summary>member/del: members become type 4; non-members are ignored. False for an unknown group.</summary>
    public bool Remove(string groupId, IEnumerable<string> memberIds)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(groupId, out var group)) return false;
            foreach (var id in memberIds)
                if (group.Members.TryGetValue(id, out var member)) group.Members[id] = member with { Type = WildfireGroupMember.Removed };
            return true;
        }
    }

    /// <summary>
    /// A destroyed user leaves every group as quitGroup does: the owner of a group that is not free (type 1) hands it
    /// to the first other member, and a group nobody else is in is dismissed.
    /// </summary>
    public void Quit(string userId)
    {
        lock (_gate)
        {
            foreach (var (groupId, group) in _groups.ToList())
            {
                if (!group.Members.TryGetValue(userId, out var member) || member.Type == WildfireGroupMember.Removed) continue;
                group.Members[userId] = member with { Type = WildfireGroupMember.Removed };
                if ((string?)group.Info["owner"] != userId || (int)group.Info["type"]! == 1) continue;
                var heir = group.Members.Values.Where(m => m.Type != WildfireGroupMember.Removed).OrderBy(m => m.CreateDt).FirstOrDefault();
                if (heir == null)
                {
                    _groups.Remove(groupId);
                    continue;
                }
                group.Info["owner"] = heir.MemberId;
                group.Members[heir.MemberId] = heir with { Type = WildfireGroupMember.Owner };
            }
        }
    }

    /// <summary>A member row joining now.</summary>
    public WildfireGroupMember NewMember(string memberId, string alias = "", int type = WildfireGroupMember.Normal, string extra = "") =>
        new(memberId, alias, type, extra, now().ToUnixTimeMilliseconds());
}
