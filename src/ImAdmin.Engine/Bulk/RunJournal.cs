using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using ImAdmin.Engine.Errors;

namespace ImAdmin.Engine.Bulk
{
    /// <summary>
    /// An append-only record of what a bulk run did to each row, so a run that was killed half-way (an Azure
    /// Automation restart, Ctrl+C, Stop-Job, a crash) can be run again over the same input: rows recorded as sent are
    /// skipped, rows whose outcome is unknown are reported instead of being sent twice. Before a call is made its rows
    /// are written ("begun"); the outcome follows. Every record reaches the operating system before the next call, so
    /// a killed process leaves each row either with its outcome or as begun-without-outcome, which is read back as
    /// unknown: only the rows in flight lose their outcome, and none is lost silently. Records reach the disk within a
    /// second of being written, by a timer, even when no record follows (flushing every row to disk measured 4.5 ms
    /// each, 200 rows/s: docs/benchmarks.md), so a power loss can also lose the last second. One line per record: state letter, key, Unix seconds, row label. A torn last line
    /// is ignored. File format and rules: docs/bulk-runs.md.
    /// </summary>
    public sealed class RunJournal : IDisposable
    {
        private const string Header = "# ImAdmin journal v1";
        private static readonly TimeSpan SyncInterval = TimeSpan.FromSeconds(1);

        private readonly Dictionary<JournalKey, JournalEntry> _entries = new Dictionary<JournalKey, JournalEntry>();
        private readonly FileStream _file;
        private readonly FileStream _lock;
        private readonly Func<DateTimeOffset> _clock;
        private readonly object _gate = new object();
        private readonly StringBuilder _line = new StringBuilder(128);
        private byte[] _bytes = new byte[256];
        private readonly Timer _syncTimer;
        private bool _unsynced;

        private RunJournal(string path, FileStream file, FileStream lockFile, Func<DateTimeOffset> clock)
        {
            Path = path;
            _file = file;
            _lock = lockFile;
            _clock = clock;
            _syncTimer = new Timer(_ => SyncToDisk(), null, SyncInterval, SyncInterval);
        }

        /// <summary>How many times records were forced to the disk (a second's worth at most each time).</summary>
        internal int DiskSyncs { get; private set; }

        /// <summary>Forces the records written since the last time to the disk (the timer's work, once a second).</summary>
        internal void SyncToDisk()
        {
            lock (_gate)
            {
                if (!_unsynced || _disposed) return;
                _file.Flush(flushToDisk: true);
                _unsynced = false;
                DiskSyncs++;
            }
        }

        /// <summary>
        /// Opens (or creates) the journal at <paramref name="path"/> and reads what earlier runs recorded. Only one run
        /// may write a journal at a time: a second one gets a clear error instead of interleaved records.
        /// </summary>
        public static RunJournal Open(string path, Func<DateTimeOffset>? clock = null)
        {
            // The writer's lock is a separate file, so the journal itself stays readable (Get-Content -Wait) while it grows.
            var lockFile = OpenExclusive(path + ".lock", FileMode.OpenOrCreate, FileShare.None, FileOptions.DeleteOnClose, path);
            RunJournal? journal = null;
            try
            {
                var file = OpenExclusive(path, FileMode.OpenOrCreate, FileShare.Read, FileOptions.None, path);
                journal = new RunJournal(path, file, lockFile, clock ?? (() => DateTimeOffset.UtcNow));
                journal.Load();
                return journal;
            }
            catch
            {
                if (journal != null) journal.Dispose();
                else lockFile.Dispose();
                throw;
            }
        }

        private static FileStream OpenExclusive(string file, FileMode mode, FileShare share, FileOptions options, string journal)
        {
            try
            {
                return new FileStream(file, mode, FileAccess.ReadWrite, share, 4096, options);
            }
            catch (IOException ex)
            {
                throw new ImInputException("Journal", $"The journal '{journal}' cannot be opened for writing ({ex.Message}). Another run may be using it: give each run (runspace, job) its own journal file.");
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new ImInputException("Journal", $"The journal '{journal}' cannot be opened for writing ({ex.Message}). Choose a path you can write to.");
            }
        }

        public string Path { get; }

        /// <summary>Rows with a record.</summary>
        public int Count
        {
            get { lock (_gate) return _entries.Count; }
        }

        /// <summary>The last record of a row, if any.</summary>
        public bool TryGet(JournalKey key, out JournalEntry entry)
        {
            lock (_gate) return _entries.TryGetValue(key, out entry!);
        }

        /// <summary>
        /// What to do with a row: send it (never recorded, or failed before: the server refused, so sending again cannot
        /// duplicate it), skip it as sent, or hold it back as unknown. An unknown row is sent again only when the
        /// provider would recognise the repeat: <paramref name="resendUnknownWithin"/> is its dedupe window for this
        /// row (null: it does not dedupe).
        /// </summary>
        public JournalDecision Decide(JournalKey key, TimeSpan? resendUnknownWithin)
        {
            if (!TryGet(key, out var entry)) return JournalDecision.Send;
            switch (entry.State)
            {
                case JournalState.Sent:
                    return JournalDecision.SkipSent;
                case JournalState.Failed:
                    return JournalDecision.Send;
                default:
                    return resendUnknownWithin.HasValue && _clock() - entry.At <= resendUnknownWithin.Value
                        ? JournalDecision.Send
                        : JournalDecision.SkipUnknown;
            }
        }

        /// <summary>Records that calls for these rows are about to be made; the record reaches the operating system before they are.</summary>
        public void Begin(IEnumerable<KeyValuePair<JournalKey, string>> rows)
        {
            lock (_gate)
            {
                foreach (var row in rows) Append(row.Key, JournalState.Begun, row.Value);
                Flush();
            }
        }

        /// <summary>Records a row's outcome.</summary>
        public void Record(JournalKey key, JournalState outcome, string label)
        {
            if (outcome == JournalState.Begun) throw new ArgumentException("Use Begin for rows about to be sent.", nameof(outcome));
            lock (_gate)
            {
                Append(key, outcome, label);
                Flush();
            }
        }

        /// <summary>To the operating system now (a killed process loses nothing); the timer takes it to the disk within a second.</summary>
        private void Flush()
        {
            _file.Flush(flushToDisk: false);
            _unsynced = true;
        }

        private void Append(JournalKey key, JournalState state, string label)
        {
            var at = _clock();
            _line.Clear()
                .Append(Letter(state)).Append(' ')
                .Append(key.ToString()).Append(' ')
                .Append(at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(OneLine(label)).Append('\n');
            var text = _line.ToString();
            var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (_bytes.Length < needed) _bytes = new byte[needed];
            _file.Write(_bytes, 0, Encoding.UTF8.GetBytes(text, 0, text.Length, _bytes, 0));
            _entries[key] = new JournalEntry(state, at, label);
        }

        private void Load()
        {
            if (_file.Length == 0)
            {
                var header = Encoding.UTF8.GetBytes(Header + "\n");
                _file.Write(header, 0, header.Length);
                _file.Flush(flushToDisk: true);
                return;
            }
            var reader = new StreamReader(_file, new UTF8Encoding(false), false, 65536);
            var first = reader.ReadLine();
            if (first == null || !first.StartsWith(Header, StringComparison.Ordinal))
                throw new ImInputException("Journal", $"'{Path}' is not an ImAdmin journal. Pass a new file name, or the journal of the run you are resuming.");
            var text = reader.ReadToEnd();
            // Only complete lines count: a line without its newline was torn by a crash.
            var complete = text.LastIndexOf('\n') + 1;
            foreach (var line in text.Substring(0, complete).Split('\n'))
            {
                if (line.Length < 36) continue;
                var state = StateOf(line[0]);
                if (state == null || !JournalKey.TryParse(line.Substring(2, 32), out var key)) continue;
                var rest = line.Substring(35);
                var space = rest.IndexOf(' ');
                if (space < 0 || !long.TryParse(rest.Substring(0, space), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)) continue;
                _entries[key] = new JournalEntry(state.Value, DateTimeOffset.FromUnixTimeSeconds(seconds), rest.Substring(space + 1));
            }
            // Append after the last complete line, overwriting a torn one.
            var headerBytes = Encoding.UTF8.GetByteCount(first + "\n");
            _file.SetLength(headerBytes + Encoding.UTF8.GetByteCount(text.Substring(0, complete)));
            _file.Seek(0, SeekOrigin.End);
        }

        private static string OneLine(string label) => label.Replace('\n', ' ').Replace('\r', ' ');

        private static char Letter(JournalState state) => state switch
        {
            JournalState.Begun => 'B',
            JournalState.Sent => 'S',
            JournalState.Failed => 'F',
            _ => 'U',
        };

        private static JournalState? StateOf(char letter) => letter switch
        {
            'B' => JournalState.Begun,
            'S' => JournalState.Sent,
            'F' => JournalState.Failed,
            'U' => JournalState.Unknown,
            _ => null,
        };

        private bool _disposed;

        public void Dispose()
        {
            _syncTimer.Dispose();
            lock (_gate)
            {
                if (_disposed) return;
                _disposed = true;
                _file.Flush(flushToDisk: true);
                _file.Dispose();
                _lock.Dispose();
            }
        }
    }

    /// <summary>A row's state in a journal.</summary>
    public enum JournalState
    {
        /// <summary>A call for the row was about to be made; without a later record the outcome is unknown.</summary>
        Begun,

        /// <summary>The server accepted the row.</summary>
        Sent,

        /// <summary>The server refused the row (it did not act), or the row was invalid.</summary>
        Failed,

        /// <summary>The call may or may not have acted (the answer was lost).</summary>
        Unknown,
    }

    /// <summary>What a re-run does with a row, from its journal record.</summary>
    public enum JournalDecision
    {
        Send,
        SkipSent,
        SkipUnknown,
    }

    /// <summary>The last record of a row: its state, when it was written, and the row's label.</summary>
    public sealed class JournalEntry
    {
        public JournalEntry(JournalState state, DateTimeOffset at, string label)
        {
            State = state;
            At = at;
            Label = label;
        }

        public JournalState State { get; }

        public DateTimeOffset At { get; }

        public string Label { get; }
    }
}
