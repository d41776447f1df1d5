using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Bulk;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Base
{
    /// <summary>Builds a <see cref="BulkRun{TCall,TResult}"/> from a cmdlet's -ThrottleLimit and -Journal.</summary>
    internal static class BulkRun
    {
        /// <summary>
        /// A run for <paramref name="cmdlet"/>, which holds it (Ctrl+C stops it, the end of the invocation releases it):
        /// -ThrottleLimit not given means the provider's default (<paramref name="oneCallAtATime"/>: always 1); a limit
        /// above the provider's maximum or a journal that cannot be opened stops the cmdlet with an error naming the parameter.
        /// </summary>
        public static BulkRun<TCall, TResult> Create<TCall, TResult>(ImCmdlet cmdlet, IBulkParameters parameters, ImProvider provider,
            Func<TCall, CancellationToken, Task<TResult>> call, Action<Dispatched<TCall, TResult>> onFinished, bool oneCallAtATime = false)
        {
            var throttleLimit = oneCallAtATime ? 1
                : cmdlet.MyInvocation.BoundParameters.ContainsKey(nameof(IBulkParameters.ThrottleLimit)) ? parameters.ThrottleLimit : (int?)null;
            try
            {
                var limit = BulkDefaults.Resolve(provider, throttleLimit);
                var path = parameters.Journal == null ? null : cmdlet.GetUnresolvedProviderPathFromPSPath(parameters.Journal);
                var run = new BulkRun<TCall, TResult>(cmdlet, limit, path, call, onFinished);
                cmdlet.Hold(run, run.Stop);
                return run;
            }
            catch (ImInputException ex)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.From(ex, "ImAdmin.InvalidArgument", parameters.Journal ?? (object?)throttleLimit));
                throw; // not reached
            }
        }
    }

    /// <summary>
    /// The pipeline side of a bulk cmdlet, held as a field (composition): server calls run in the background, up to
    /// -ThrottleLimit at once, while rows keep binding; finished calls are handed back to the cmdlet on the pipeline
    /// thread (in the order they finish) together with the log messages of the calls; the journal, the progress bar and
    /// the closing summary live here too. The cmdlet decides what a call is (one row, or a batch of rows) and what its
    /// results mean; this class only moves them. Results may come out of input order: each names its row.
    /// </summary>
    internal sealed class BulkRun<TCall, TResult> : IDisposable
    {
        private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

        private readonly ImCmdlet _cmdlet;
        private readonly CallDispatcher<TCall, TResult> _dispatcher;
        private readonly Action<Dispatched<TCall, TResult>> _onFinished;
        private readonly int _activityId;

        /// <param name="cmdlet">The cmdlet whose pipeline the results, errors, log and progress go to.</param>
        /// <param name="throttleLimit">Calls in flight at most.</param>
        /// <param name="journalPath">-Journal, or null for none.</param>
        /// <param name="call">One server call.</param>
        /// <param name="onFinished">Writes a finished call's results (on the pipeline thread) and records them with <see cref="Record"/>.</param>
        public BulkRun(ImCmdlet cmdlet, int throttleLimit, string? journalPath,
            Func<TCall, CancellationToken, Task<TResult>> call, Action<Dispatched<TCall, TResult>> onFinished)
        {
            _cmdlet = cmdlet;
            _onFinished = onFinished;
            var name = cmdlet.MyInvocation.MyCommand.Name;
            Progress = new BulkProgress(name);
            _activityId = Math.Abs(name.GetHashCode() % 1000) + 1;
            Journal = journalPath == null ? null : RunJournal.Open(journalPath);
            _dispatcher = new CallDispatcher<TCall, TResult>(throttleLimit, call, cmdlet.Cancellation);
        }

        public RunJournal? Journal { get; }

        private readonly JournalKeyCounter _occurrences = new JournalKeyCounter();

        /// <summary>
        /// The journal key of the next row made of <paramref name="fields"/> (identical rows numbered, so each is its own
        /// row); null without a journal.
        /// </summary>
        public JournalKey? NextKey(params string?[] fields) => Journal == null ? (JournalKey?)null : _occurrences.Next(JournalKey.Of(fields));

        public BulkProgress Progress { get; }

        /// <summary>Calls running now (their rows' outcome is unknown if the run is stopped).</summary>
        public int InFlight => _dispatcher.InFlight.Count;

        /// <summary>
        /// Whether a row goes ahead, from the journal (always without one). A row recorded as sent is counted as skipped
        /// (verbose message); a row held back as unknown is counted and reported with <paramref name="unknown"/>
        /// (<paramref name="errorId"/>, TargetObject <paramref name="row"/>). An unknown row is sent again only within
        /// <paramref name="providerDedupeWindow"/>, the time the server would recognise the repeat (null: never).
        /// </summary>
        public bool Admit(JournalKey key, TimeSpan? providerDedupeWindow, string label, Func<ImException> unknown, string errorId, object? row)
        {
            if (Journal == null) return true;
            switch (Journal.Decide(key, providerDedupeWindow))
            {
                case JournalDecision.SkipSent:
                    Progress.AddSkipped();
                    _cmdlet.WriteVerbose($"{label}: done by an earlier run (journal); skipped.");
                    return false;
                case JournalDecision.SkipUnknown:
                    Progress.AddUnknown();
                    _cmdlet.WriteError(ErrorRecords.From(unknown(), errorId, row));
                    return false;
                default:
                    return true;
            }
        }

        /// <summary>
        /// Starts the call as soon as a slot is free, journalling its rows as begun just before; meanwhile finished calls
        /// are written out, so the pipeline never stalls on a full set of calls.
        /// </summary>
        public void Start(TCall call, IEnumerable<KeyValuePair<JournalKey, string>>? rows)
        {
            Action<TCall>? begin = Journal != null && rows != null ? _ => Journal.Begin(rows) : (Action<TCall>?)null;
            while (true)
            {
                bool started;
                using (_cmdlet.LogScope())
                {
                    try
                    {
                        started = _dispatcher.TryStart(call, Poll, begin);
                    }
                    catch (OperationCanceledException)
                    {
                        throw new PipelineStoppedException();
                    }
                }
                Collect();
                if (started) return;
            }
        }

        /// <summary>Writes out the calls that have finished, without waiting (call once per row).</summary>
        public void Collect()
        {
            _cmdlet.RelayLog();
            while (_dispatcher.TryTake(out var finished)) _onFinished(finished);
            if (Progress.Due()) WriteProgress();
        }

        /// <summary>Waits for every call in flight and writes them out (call in EndProcessing).</summary>
        public void Finish()
        {
            while (_dispatcher.Pending > 0)
            {
                if (_cmdlet.Cancellation.IsCancellationRequested) throw new PipelineStoppedException();
                _dispatcher.WaitAny(Poll);
                Collect();
            }
            Collect();
        }

        /// <summary>Records a row's outcome in the journal (if any) and in the counts.</summary>
        public void Record(JournalKey? key, JournalState outcome, string label)
        {
            if (Journal != null && key.HasValue) Journal.Record(key.Value, outcome, label);
            switch (outcome)
            {
                case JournalState.Sent: Progress.AddSent(); break;
                case JournalState.Failed: Progress.AddFailed(); break;
                default: Progress.AddUnknown(); break;
            }
        }

        /// <summary>
        /// Ends the run: closes the progress bar, warns when any row failed or has an unknown outcome (with
        /// <paramref name="accounts"/>, the cmdlet's own warnings on failures by reason and on unknown rows, when it
        /// keeps them), and writes the summary object when asked (otherwise it goes to the verbose stream).
        /// </summary>
        public void Summarize(bool writeSummary, params string?[] accounts)
        {
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, Progress.Command, "Done") { RecordType = ProgressRecordType.Completed });
            var summary = Progress.Summary(Journal?.Path);
            var rows = Progress.Done + Progress.NotSent;
            if (accounts.Length > 0)
                foreach (var warning in accounts.Where(a => a != null)) _cmdlet.WriteWarning(warning);
            else if (summary.Failed > 0 || summary.Unknown > 0)
                _cmdlet.WriteWarning($"{summary.Failed} of {rows} row(s) failed and {summary.Unknown} have an unknown outcome ({summary}). " +
                                     "Each has an error record whose TargetObject is its input row" +
                                     (summary.Unknown > 0 ? "; check unknown rows on the server before sending them again." : "."));
            if (accounts.Length == 0 || writeSummary) _cmdlet.WriteVerbose(summary.ToString());
            if (writeSummary) _cmdlet.WriteObject(summary);
        }

        /// <summary>
        /// Ctrl+C: cancels the calls in flight and tells the host (the pipeline takes no more output once stopping)
        /// how many rows were in flight and where their record is.
        /// </summary>
        public void Stop()
        {
            var inFlight = InFlight;
            _dispatcher.Cancel();
            var where = Journal == null ? "" : $" The journal '{Journal.Path}' records them as begun: a re-run reports them as unknown instead of sending them again.";
            try
            {
                _cmdlet.Host.UI.WriteWarningLine(
                    $"{Progress.Command} stopped: {Progress.Done} row(s) done, {inFlight} call(s) in flight were cancelled (their outcome is unknown), rows not yet read were not sent.{where}");
            }
            catch (System.Management.Automation.Host.HostException)
            {
                // A host without a UI: the journal and the counts still say it.
            }
        }

        private void WriteProgress()
        {
            // A new record each time: hosts may keep the ones already written.
            var record = new ProgressRecord(_activityId, Progress.Command, Progress.Status());
            if (Progress.Percent is int percent) record.PercentComplete = percent;
            if (Progress.Remaining is TimeSpan left) record.SecondsRemaining = (int)Math.Ceiling(left.TotalSeconds);
            _cmdlet.WriteProgress(record);
        }

        public void Dispose()
        {
            _dispatcher.Dispose();
            Journal?.Dispose();
        }
    }
}
