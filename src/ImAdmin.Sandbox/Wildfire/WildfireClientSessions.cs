using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

/// <summary>
/// The server's client sessions (MemorySessionStore): one per (user, client id), made when a client gets a token and
/// online while it is connected. Tests stand in for IM clients through <see cref="Connect"/>. A kicked session is
/// deleted: it disappears from onlinestatus and its client must get a new token.
/// </summary>
public sealed class WildfireClientSessions(Func<DateTimeOffset> now)
{
    private readonly object _gate = new();
    private readonly List<Session> _sessions = new();

    /// <summary>A client of <paramref name="userId"/> logs in (or goes offline but keeps its session when <paramref name="online"/> is false).</summary>
    public void Connect(string userId, string clientId, int platform, bool online = true, string? packageName = null)
    {
        lock (_gate)
        {
            _sessions.RemoveAll(s => s.ClientId == clientId && s.UserId == userId);
            _sessions.Add(new Session(userId, clientId, platform, online ? 0 : 1, now().ToUnixTimeMilliseconds(), packageName));
        }
    }

    /// <summary>The user's sessions that were not kicked, in client-id order (as onlinestatus lists them).</summary>
    public JsonArray SessionsOf(string userId)
    {
        lock (_gate)
        {
            var list = new JsonArray();
            foreach (var s in _sessions.Where(s => s.UserId == userId).OrderBy(s => s.ClientId, StringComparer.Ordinal))
            {
                var item = new JsonObject
                {
                    ["clientId"] = s.ClientId, ["userId"] = s.UserId, ["platform"] = s.Platform, ["status"] = s.Status, ["lastSeen"] = s.LastSeen,
                };
                if (s.PackageName != null) item["packageName"] = s.PackageName; // Gson leaves out nulls
                list.Add(item);
            }
            return list;
        }
    }

    /// <summary>
    /// kickoffUserClient: every session of the user when <paramref name="clientId"/> is empty, else the session with that
    /// client id, whoever it belongs to (the server does not compare the user).
    /// </summary>
    public void Kick(string userId, string? clientId)
    {
        lock (_gate)
        {
            if (string.IsNullOrEmpty(clientId)) _sessions.RemoveAll(s => s.UserId == userId);
            else _sessions.RemoveAll(s => s.ClientId == clientId);
        }
    }

    /// <summary>The connected sessions (status 0) in client-id order, as online_count counts and online_list pages them.</summary>
    public IReadOnlyList<(string UserId, string ClientId, int Platform)> Online
    {
        get
        {
            lock (_gate)
                return _sessions.Where(s => s.Status == 0).OrderBy(s => s.ClientId, StringComparer.Ordinal).Select(s => (s.UserId, s.ClientId, s.Platform)).ToList();
        }
    }

    private sealed record Session(string UserId, string ClientId, int Platform, int Status, long LastSeen, string? PackageName);
}
