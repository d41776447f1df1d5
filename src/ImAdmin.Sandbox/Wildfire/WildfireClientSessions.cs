using System.Collections.Concurrent;

namespace ImAdmin.Sandbox.Wildfire;

/// <summary>A client session the server holds (userId, clientId, platform) and whether its connection is live.</summary>
public sealed record WildfireClientSession(string UserId, string ClientId, int Platform, bool Online = true);

/// <summary>
/// The client sessions of the sandbox's single node (node 1). Nobody connects to the sandbox over MQTT, so tests and
/// the demo seed add sessions here; online_count and online_list read the live ones.
/// </summary>
public sealed class WildfireClientSessions
{
    private readonly ConcurrentDictionary<string, WildfireClientSession> _sessions = new(StringComparer.Ordinal);

    public void Put(WildfireClientSession session) => _sessions[session.ClientId] = session;

    public bool Remove(string clientId) => _sessions.TryRemove(clientId, out _);

    /// <summary>Live connections in client-id order.</summary>
    public IReadOnlyList<WildfireClientSession> Online => _sessions.Values.Where(s => s.Online).OrderBy(s => s.ClientId, StringComparer.Ordinal).ToList();
}
