using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>A group message as tests read it back: the group's MsgSeq, the sender and the Random it was sent with.</summary>
public sealed record TencentGroupMessage(string GroupId, string From, uint MsgSeq, uint Random, long MsgTime, JsonElement MsgBody);

/// <summary>Groups (create_group) and their messages (send_group_msg) with the 5-minute Random dedupe.</summary>
public sealed partial class TencentState
{
    /// <summary>send_group_msg drops a message whose Random repeats within 5 minutes (see docs/server-behaviour/tencent.md, 'Duplicate suppression').</summary>
    public static readonly TimeSpan GroupDedupeWindow = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, TencentGroup> _groups = new(StringComparer.Ordinal);
    private int _groupNumber;

    /// <summary>Creates a group; a null id gets a generated one in Tencent's <c>@TGS#...</c> style. False when the id is taken.</summary>
    public bool TryCreateGroup(string? groupId, out string createdId)
    {
        lock (_gate)
        {
            createdId = groupId ?? $"@TGS#{++_groupNumber:D4}{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";
            if (_groups.ContainsKey(createdId)) return false;
            _groups[createdId] = new TencentGroup();
            return true;
        }
    }

    public bool GroupExists(string groupId)
    {
        lock (_gate) return _groups.ContainsKey(groupId);
    }

    public IReadOnlyList<TencentGroupMessage> GroupMessages(string groupId)
    {
        lock (_gate) return _groups.TryGetValue(groupId, out var group) ? group.Messages.ToList() : [];
    }

    /// <summary>
    /// Stores a group message with the group's next MsgSeq, unless the same Random came to this group within 5 minutes:
    /// then the earlier message is returned and nothing is stored. Null when the group does not exist.
    /// </summary>
    public TencentGroupMessage? SendToGroup(string groupId, string from, uint random, JsonElement msgBody, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(groupId, out var group)) return null;
            if (group.RecentRandoms.TryGetValue(random, out var earlier) && now <= earlier.Until) return earlier.Message;
            var message = new TencentGroupMessage(groupId, from, ++group.LastSeq, random, now.ToUnixTimeSeconds(), msgBody);
            group.Messages.Add(message);
            group.RecentRandoms[random] = (message, now + GroupDedupeWindow);
            return message;
        }
    }

    private sealed class TencentGroup
    {
        public uint LastSeq { get; set; }

        public List<TencentGroupMessage> Messages { get; } = [];

        public Dictionary<uint, (TencentGroupMessage Message, DateTimeOffset Until)> RecentRandoms { get; } = [];
    }
}
