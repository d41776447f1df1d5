namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>The flags WuKongIM stores per channel; the server reads back only Ban and Disband.</summary>
public readonly record struct ChannelFlags(bool Ban, bool SendBan, bool AllowStranger, bool Large, bool Disband);

/// <summary>One stored channel (wkdb.ChannelInfo).</summary>
public sealed record ChannelInfoRecord(long Id, string ChannelId, int ChannelType, ChannelFlags Flags, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>One user on a channel list (wkdb.Member).</summary>
public sealed record ChannelMemberRecord(long Id, string Uid, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The three per-channel user lists.</summary>
public enum ChannelMemberKind
{
    Subscribers,
    Denylist,
    Allowlist,
}

/// <summary>
/// Channels and their member lists. Lists are kept apart from channel records, as in wkdb: adding to a blacklist
/// does not need the channel to exist, and disbanding a channel keeps its members.
/// </summary>
public sealed partial class WuKongState
{
    private readonly Dictionary<(string Id, int Type), ChannelInfoRecord> _channelInfos = new();
    private readonly Dictionary<(ChannelMemberKind Kind, string Id, int Type), List<ChannelMemberRecord>> _channelMembers = new();
    private long _nextChannelRowId;

    public ChannelInfoRecord? FindChannelInfo(string channelId, int channelType)
    {
        lock (Gate) return _channelInfos.GetValueOrDefault((channelId, channelType));
    }

    public IReadOnlyList<ChannelInfoRecord> ChannelInfos()
    {
        lock (Gate) return _channelInfos.Values.ToList();
    }

    /// <summary>Creates the channel or overwrites all of its flags (POST /channel, /channel/info).</summary>
    public void PutChannelInfo(string channelId, int channelType, ChannelFlags flags, DateTimeOffset now)
    {
        lock (Gate)
        {
            var existing = _channelInfos.GetValueOrDefault((channelId, channelType));
            _channelInfos[(channelId, channelType)] = existing == null
                ? new ChannelInfoRecord(++_nextChannelRowId, channelId, channelType, flags, now, now)
                : existing with { Flags = flags, UpdatedAt = now };
        }
    }

    /// <summary>Creates the channel with every flag off when it does not exist (subscriber_add).</summary>
    public void EnsureChannelInfo(string channelId, int channelType, DateTimeOffset now)
    {
        lock (Gate)
        {
            if (!_channelInfos.ContainsKey((channelId, channelType))) PutChannelInfo(channelId, channelType, default, now);
        }
    }

    /// <summary>Marks the channel disbanded; false when it does not exist.</summary>
    public bool DisbandChannel(string channelId, int channelType, DateTimeOffset now)
    {
        lock (Gate)
        {
            var existing = _channelInfos.GetValueOrDefault((channelId, channelType));
            if (existing == null) return false;
            _channelInfos[(channelId, channelType)] = existing with { Flags = existing.Flags with { Disband = true }, UpdatedAt = now };
            return true;
        }
    }

    public IReadOnlyList<ChannelMemberRecord> ChannelMembers(ChannelMemberKind kind, string channelId, int channelType)
    {
        lock (Gate) return _channelMembers.GetValueOrDefault((kind, channelId, channelType))?.ToList() ?? [];
    }

    /// <summary>Adds users (an existing user keeps its row); <paramref name="replace"/> clears the list first, in the same step.</summary>
    public void AddChannelMembers(ChannelMemberKind kind, string channelId, int channelType, IEnumerable<string> uids, DateTimeOffset now, bool replace = false)
    {
        lock (Gate)
        {
            var list = MemberList(kind, channelId, channelType);
            if (replace) list.Clear();
            var positions = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++) positions[list[i].Uid] = i;
            foreach (var uid in uids)
            {
                if (positions.TryGetValue(uid, out var index)) list[index] = list[index] with { UpdatedAt = now };
                else
                {
                    positions[uid] = list.Count;
                    list.Add(new ChannelMemberRecord(++_nextChannelRowId, uid, now, now));
                }
            }
        }
    }

    public void RemoveChannelMembers(ChannelMemberKind kind, string channelId, int channelType, IEnumerable<string> uids)
    {
        lock (Gate)
        {
            var gone = uids.ToHashSet(StringComparer.Ordinal);
            MemberList(kind, channelId, channelType).RemoveAll(m => gone.Contains(m.Uid));
        }
    }

    public void ClearChannelMembers(ChannelMemberKind kind, string channelId, int channelType)
    {
        lock (Gate) MemberList(kind, channelId, channelType).Clear();
    }

    /// <summary>A demo group with subscribers and a blacklisted user, so Get-ImChannelSubscriber shows something at once.</summary>
    private void SeedChannels(DateTimeOffset now)
    {
        PutChannelInfo("demo-group", 2, default, now);
        AddChannelMembers(ChannelMemberKind.Subscribers, "demo-group", 2, ["alice", "bob", "carol"], now);
        AddChannelMembers(ChannelMemberKind.Denylist, "demo-group", 2, ["mallory"], now);
    }

    private List<ChannelMemberRecord> MemberList(ChannelMemberKind kind, string channelId, int channelType)
    {
        if (!_channelMembers.TryGetValue((kind, channelId, channelType), out var list))
            _channelMembers[(kind, channelId, channelType)] = list = [];
        return list;
    }
}
