using System.Collections.Concurrent;
using ImAdmin.Engine.Diagnostics;

namespace ImAdmin.Engine.Tests.Infrastructure;

/// <summary>Captures what the engine logs during a call (as the cmdlets' pipeline log would).</summary>
public sealed class RecordingLog : IImLog
{
    public ConcurrentQueue<string> Verbose { get; } = new();
    public ConcurrentQueue<string> Warnings { get; } = new();
    public ConcurrentQueue<string> Debug { get; } = new();

    public IEnumerable<string> All => Verbose.Concat(Warnings).Concat(Debug);

    bool IImLog.VerboseEnabled => true;
    bool IImLog.DebugEnabled => true;

    void IImLog.Verbose(string message) => Verbose.Enqueue(message);
    void IImLog.Warning(string message) => Warnings.Enqueue(message);
    void IImLog.Debug(string message) => Debug.Enqueue(message);
}
