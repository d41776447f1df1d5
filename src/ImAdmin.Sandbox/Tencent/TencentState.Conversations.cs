namespace ImAdmin.Sandbox.Tencent;

/// <summary>Presence (who is logged in on which platform) and the read position of each C2C conversation side.</summary>
public sealed partial class TencentState
{
    private readonly Dictionary<string, Dictionary<string, string>> _platforms = new(StringComparer.Ordinal);
    private readonly Dictionary<(string User, string Peer), long> _readUpTo = new();

    /// <summary>Logs a user in on a platform (Online, or PushOnline for an app in the background); tests and the seed use it.</summary>
    public void SetPresence(string userId, string platform, string status)
    {
        lock (_gate)
        {
            if (!_platforms.TryGetValue(userId, out var byPlatform)) _platforms[userId] = byPlatform = new(StringComparer.Ordinal);
            byPlatform[platform] = status;
        }
    }

    /// <summary>The user's platforms and their status; empty when logged out.</summary>
    public IReadOnlyDictionary<string, string> Presence(string userId)
    {
        lock (_gate) return _platforms.TryGetValue(userId, out var p) ? new Dictionary<string, string>(p) : new Dictionary<string, string>();
    }

    /// <summary>kick: the login is invalidated on every platform.</summary>
    public void LogOut(string userId)
    {
        lock (_gate) _platforms.Remove(userId);
    }

    public void MarkRead(string userId, string peer, long upToUnixSeconds)
    {
        lock (_gate) _readUpTo[(userId, peer)] = Math.Max(upToUnixSeconds, _readUpTo.GetValueOrDefault((userId, peer)));
    }

    /// <summary>Messages from <paramref name="peer"/> to <paramref name="userId"/> after the read position, without NoUnread, not imported as read.</summary>
    public int Unread(string userId, string peer)
    {
        lock (_gate)
        {
            var readUpTo = _readUpTo.GetValueOrDefault((userId, peer), long.MinValue);
            return _messages.Count(m => m.To == userId && m.From == peer && m.MsgTime > readUpTo && !m.SendMsgControl.Contains("NoUnread") && !m.MarkedRead);
        }
    }

    /// <summary>All unread C2C messages of <paramref name="userId"/>.</summary>
    public int Unread(string userId)
    {
        List<string> peers;
        lock (_gate) peers = _messages.Where(m => m.To == userId).Select(m => m.From).Distinct(StringComparer.Ordinal).ToList();
        return peers.Sum(p => Unread(userId, p));
    }
}
