using System.Collections.Concurrent;
using System.Collections.Generic;
using ImAdmin.Engine.Diagnostics;

namespace ImAdmin.Base
{
    /// <summary>
    /// Collects engine diagnostics from worker threads; the cmdlet replays them on the pipeline thread, the only
    /// thread allowed to write to PowerShell's streams. Each distinct warning is written once per invocation.
    /// </summary>
    internal sealed class PipelineLog : IImLog
    {
        internal enum Kind { Verbose, Warning, Debug }

        private readonly ConcurrentQueue<KeyValuePair<Kind, string>> _queue = new ConcurrentQueue<KeyValuePair<Kind, string>>();
        private readonly HashSet<string> _warned = new HashSet<string>();

        /// <summary>False when the cmdlet's verbose records would be dropped anyway (no -Verbose, $VerbosePreference quiet).</summary>
        public bool VerboseEnabled { get; set; } = true;

        /// <summary>False when the cmdlet's debug records would be dropped anyway (no -Debug, $DebugPreference quiet).</summary>
        public bool DebugEnabled { get; set; } = true;

        public void Verbose(string message) => _queue.Enqueue(new KeyValuePair<Kind, string>(Kind.Verbose, message));

        public void Warning(string message) => _queue.Enqueue(new KeyValuePair<Kind, string>(Kind.Warning, message));

        public void Debug(string message) => _queue.Enqueue(new KeyValuePair<Kind, string>(Kind.Debug, message));

        /// <summary>Hands queued messages to <paramref name="write"/>; call on the pipeline thread only.</summary>
        public void Drain(System.Action<Kind, string> write)
        {
            while (_queue.TryDequeue(out var entry))
            {
                if (entry.Key == Kind.Warning && !_warned.Add(entry.Value)) continue;
                write(entry.Key, entry.Value);
            }
        }
    }
}
