using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;
using ImAdmin.Sandbox.WuKongIM;

namespace ImAdmin.Engine.Tests.WuKongIM;

/// <summary>
/// A connected WuKongIM client per test, over loopback against the class's sandbox; faults and the journal are
/// cleared after each test (tests of one class run one at a time).
/// </summary>
public abstract class WuKongOpsTestBase(SandboxFixture sandbox) : IAsyncLifetime
{
    private ImSession? _session;

    protected SandboxFixture Sandbox => sandbox;

    protected WuKongClient Client => _session!.Require<WuKongClient>("tests");

    protected WuKongState State => sandbox.Host.WuKong.State;

    protected RequestJournal Journal => sandbox.Host.WuKongServer.Journal;

    protected FaultInjector Faults => sandbox.Host.WuKongServer.Faults;

    public async Task InitializeAsync()
    {
        _session = await SandboxFixture.ConnectAsync(sandbox.WuKongRequest(SandboxFixture.FastRetries(1)));
        Journal.Clear(); // forget the connect's own /varz call
    }

    public Task DisposeAsync()
    {
        _session?.Dispose();
        Faults.Clear();
        Journal.Clear();
        return Task.CompletedTask;
    }

    protected WuKongConnection Connect(string uid, int deviceFlag = 0, int deviceLevel = 1, ulong nodeId = 0, long inMsgs = 0) =>
        State.AddConnection(new WuKongConnection { Uid = uid, DeviceFlag = deviceFlag, DeviceLevel = deviceLevel, NodeId = nodeId, InMsgs = inMsgs });

    protected IEnumerable<JournalEntry> Requests(string path) => Journal.Entries.Where(e => e.Path == path);

    /// <summary>Runs <paramref name="call"/> with a recording log, as a cmdlet's -Verbose/-Debug would see it.</summary>
    protected static async Task<RecordingLog> Logged(Func<Task> call)
    {
        var log = new RecordingLog();
        using (ImLog.Use(log)) await call();
        return log;
    }

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source) list.Add(item);
        return list;
    }
}
