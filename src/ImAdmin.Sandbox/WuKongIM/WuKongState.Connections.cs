namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>A client connection held by one node of the simulated cluster.</summary>
public sealed record WuKongConnection
{
    public long Id { get; init; }
    public string Uid { get; init; } = "";

    /// <summary>The node holding the socket (0: the local node).</summary>
    public ulong NodeId { get; init; }

    /// <summary>0 app, 1 web, 2 pc.</summary>
    public int DeviceFlag { get; init; }

    /// <summary>0 slave, 1 master.</summary>
    public int DeviceLevel { get; init; } = 1;

    public string DeviceId { get; init; } = Guid.NewGuid().ToString("N");
    public string Ip { get; init; } = "127.0.0.1";
    public int Port { get; init; } = 50000;
    public int ProtoVersion { get; init; } = 4;
    public DateTimeOffset ConnectedAt { get; init; }
    public DateTimeOffset LastActivity { get; init; }
    public long InMsgs { get; init; }
    public long OutMsgs { get; init; }
    public long InMsgBytes { get; init; }
    public long OutMsgBytes { get; init; }
    public long InPackets { get; init; }
    public long OutPackets { get; init; }
    public long InPacketBytes { get; init; }
    public long OutPacketBytes { get; init; }
}

/// <summary>A connection the server closed, and why: kick, remove, device_quit or token (a master token update).</summary>
public sealed record ClosedConnection(WuKongConnection Connection, string Reason);

public sealed partial class WuKongState
{
    /// <summary>The node the API port belongs to (WuKongIM's default cluster.nodeId).</summary>
    public const ulong LocalNodeId = 1001;

    /// <summary>The simulated cluster: connz, varz and conn/* can name another node, which the server proxies to.</summary>
    public static readonly IReadOnlyList<ulong> NodeIds = [LocalNodeId, 1002];

    private readonly List<WuKongConnection> _connections = [];
    private readonly List<ClosedConnection> _closed = [];
    private long _nextConnectionId = 1;

    /// <summary>Sockets held by the local node (what /varz reports as connections).</summary>
    public int ConnectionCount => LocalSockets(LocalNodeId);

    public IReadOnlyList<ClosedConnection> ClosedConnections
    {
        get { lock (Gate) return _closed.ToList(); }
    }

    /// <summary>Adds a connection (tests, demo data); the id is assigned here, times default to now.</summary>
    public WuKongConnection AddConnection(WuKongConnection connection)
    {
        lock (Gate)
        {
            var now = DateTimeOffset.UtcNow;
            var added = connection with
            {
                Id = _nextConnectionId++,
                NodeId = connection.NodeId == 0 ? LocalNodeId : connection.NodeId,
                ConnectedAt = connection.ConnectedAt == default ? now : connection.ConnectedAt,
                LastActivity = connection.LastActivity == default ? now : connection.LastActivity,
            };
            _connections.Add(added);
            return added;
        }
    }

    public void ClearConnections()
    {
        lock (Gate) _connections.Clear();
    }

    public static bool IsNode(ulong nodeId) => NodeIds.Contains(nodeId);

    /// <summary>The node leading the uid's slot (stands in for the server's slot hash).</summary>
    public static ulong LeaderOf(string uid)
    {
        var hash = 2166136261u;
        foreach (var c in uid) hash = (hash ^ c) * 16777619u;
        return NodeIds[(int)(hash % (uint)NodeIds.Count)];
    }

    /// <summary>
    /// What node <paramref name="nodeId"/> lists: the sockets it holds plus, for users whose slot it leads, the
    /// sockets other nodes hold (shown as "源节点：N").
    /// </summary>
    internal List<WuKongConnection> ConnectionsSeenBy(ulong nodeId)
    {
        lock (Gate) return _connections.Where(c => c.NodeId == nodeId || LeaderOf(c.Uid) == nodeId).ToList();
    }

    internal int LocalSockets(ulong nodeId)
    {
        lock (Gate) return _connections.Count(c => c.NodeId == nodeId);
    }

    internal List<WuKongConnection> ConnectionsOf(string uid)
    {
        lock (Gate) return _connections.Where(c => c.Uid == uid).OrderBy(c => c.Id).ToList();
    }

    /// <summary>Closes what <paramref name="match"/> selects; the server answers OK whether or not anything matched.</summary>
    internal void CloseConnections(Func<WuKongConnection, bool> match, string reason)
    {
        lock (Gate)
        {
            foreach (var connection in _connections.Where(match).ToList())
            {
                _connections.Remove(connection);
                _closed.Add(new ClosedConnection(connection, reason));
            }
        }
    }

    private void SeedConnections()
    {
        var started = DateTimeOffset.UtcNow.AddHours(-26);
        AddConnection(new() { Uid = "alice", DeviceFlag = 0, DeviceLevel = 1, Ip = "127.0.0.1", Port = 51001, ConnectedAt = started, InMsgs = 120, OutMsgs = 340, InMsgBytes = 24000, OutMsgBytes = 68000, InPackets = 300, OutPackets = 520 });
        AddConnection(new() { Uid = "alice", DeviceFlag = 1, DeviceLevel = 0, Ip = "127.0.0.1", Port = 51002, ConnectedAt = started.AddHours(20), InMsgs = 8, OutMsgs = 41 });
        AddConnection(new() { Uid = "bob", DeviceFlag = 2, DeviceLevel = 1, Ip = "127.0.0.1", Port = 51003, ConnectedAt = started.AddHours(25), InMsgs = 3, OutMsgs = 9 });
        AddConnection(new() { Uid = "carol", DeviceFlag = 0, DeviceLevel = 1, NodeId = 1002, Ip = "127.0.0.1", Port = 51004, ConnectedAt = started.AddHours(24), InMsgs = 56, OutMsgs = 60 });
    }
}
