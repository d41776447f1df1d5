namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>A device record of /user/token: an empty token marks a device that was logged out (device_quit).</summary>
public sealed record WuKongDevice(string Uid, int DeviceFlag, int DeviceLevel, string Token);

/// <summary>The v1-to-v2 migration record; the default is what a server that never migrated reports.</summary>
public sealed record WuKongMigration(string Status = "running", string Step = "", bool HasError = false, int TryCount = 0);

public sealed partial class WuKongState
{
    private readonly Dictionary<(string Uid, int Flag), WuKongDevice> _devices = [];
    private readonly List<string> _systemUids = [];

    public WuKongMigration Migration { get; set; } = new();

    /// <summary>The device record of uid and flag, or null when /user/token never created it.</summary>
    public WuKongDevice? Device(string uid, int deviceFlag)
    {
        lock (Gate) return _devices.GetValueOrDefault((uid, deviceFlag));
    }

    /// <summary>
    /// The flags of the uid's own person channel (channel info of type 1 with the uid as id, as POST /channel stores
    /// it), which /user/token checks: banned gives reason 19, disbanded 24.
    /// </summary>
    internal ChannelFlags PersonChannelFlags(string uid) => FindChannelInfo(uid, 1)?.Flags ?? default;

    /// <summary>Stores the token; a master token kicks the user's connections of that device kind.</summary>
    internal void SetToken(string uid, int deviceFlag, int deviceLevel, string token)
    {
        lock (Gate)
        {
            _devices[(uid, deviceFlag)] = new WuKongDevice(uid, deviceFlag, deviceLevel, token);
            if (deviceLevel == 1) CloseConnections(c => c.Uid == uid && c.DeviceFlag == deviceFlag, "token");
        }
    }

    /// <summary>
    /// Blanks the token and kicks the device's connections, but only when the device record exists: a user who
    /// never got a token (servers with tokenAuthOn off) keeps its connections, as on the real server.
    /// </summary>
    internal void QuitDevice(string uid, int deviceFlag)
    {
        lock (Gate)
        {
            if (!_devices.TryGetValue((uid, deviceFlag), out var device)) return;
            _devices[(uid, deviceFlag)] = device with { Token = "", DeviceLevel = 1 };
            CloseConnections(c => c.Uid == uid && c.DeviceFlag == deviceFlag, "device_quit");
        }
    }

    public IReadOnlyList<string> SystemUids
    {
        get { lock (Gate) return _systemUids.ToList(); }
    }

    internal void AddSystemUids(IEnumerable<string> uids)
    {
        lock (Gate)
            foreach (var uid in uids)
                if (!_systemUids.Contains(uid)) _systemUids.Add(uid);
    }

    internal void RemoveSystemUids(IEnumerable<string> uids)
    {
        lock (Gate)
            foreach (var uid in uids)
                _systemUids.Remove(uid);
    }
}
