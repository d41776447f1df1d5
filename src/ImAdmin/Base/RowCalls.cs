using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Bulk;
using ImAdmin.Engine.Errors;

namespace ImAdmin.Base
{
    /// <summary>
    /// The run of a cmdlet that makes one independent server call per row, held as a field: each confirmed row's call
    /// runs in the background through a <see cref="BulkRun{TCall,TResult}"/>, up to -ThrottleLimit at once, while rows
    /// keep binding; with -Journal a re-run skips the rows done and reports the rows whose outcome is unknown; progress
    /// and the closing summary come from the run. Results may come out of input order.
    /// </summary>
    internal sealed class RowCalls
    {
        private readonly ImCmdlet _cmdlet;
        private readonly IBulkParameters _parameters;
        private readonly Func<ImException, string> _errorIdOf;
        private readonly BulkRun<RowCall, object?> _run;

        /// <param name="cmdlet">The cmdlet whose rows these are (its pipeline gets the results and errors).</param>
        /// <param name="parameters">Its -ThrottleLimit, -Journal and -Summary.</param>
        /// <param name="errorId">The error id of a row whose call failed (bad input: ImAdmin.InvalidArgument).</param>
        public RowCalls(ImCmdlet cmdlet, IBulkParameters parameters, string errorId)
            : this(cmdlet, parameters, ex => ex is ImInputException ? "ImAdmin.InvalidArgument" : errorId)
        {
        }

        /// <param name="cmdlet">The cmdlet whose rows these are (its pipeline gets the results and errors).</param>
        /// <param name="parameters">Its -ThrottleLimit, -Journal and -Summary.</param>
        /// <param name="errorIdOf">The error id of a row whose call failed with that error.</param>
        public RowCalls(ImCmdlet cmdlet, IBulkParameters parameters, Func<ImException, string> errorIdOf)
        {
            _cmdlet = cmdlet;
            _parameters = parameters;
            _errorIdOf = errorIdOf;
            _run = BulkRun.Create<RowCall, object?>(cmdlet, parameters, cmdlet.ResolveSession().Provider, (row, ct) => row.Call(ct), Finished);
        }

        /// <summary>
        /// Runs the call of one confirmed row as soon as a slot is free. <paramref name="call"/> runs in the background
        /// while later rows rebind the parameters, so it must take along the row's values, not read the parameters.
        /// <paramref name="label"/> names the row in the journal and in messages; the row's journal key is the cmdlet's
        /// name with <paramref name="keyFields"/> (never a secret). <paramref name="onDone"/> writes the result of a call
        /// that succeeded (on the pipeline thread); a failed call is an error whose TargetObject is <paramref name="row"/>.
        /// </summary>
        public void Queue<T>(object row, string label, string?[] keyFields, Func<CancellationToken, Task<T>> call, Action<T> onDone)
        {
            _run.Progress.AddRead();
            var key = _run.NextKey(new[] { _cmdlet.MyInvocation.MyCommand.Name }.Concat(keyFields).ToArray());
            if (key.HasValue && !_run.Admit(key.Value, null, label, () => new ImException(ImErrorKind.ServerError,
                        $"{label}: not sent: an earlier run with this journal may have done it (its outcome is unknown). Check it on the server; to send it anyway, run without -Journal.")
                    { OutcomeUnknown = true }, "ImAdmin.RowOutcomeUnknown", row))
            {
                _run.Collect();
                return;
            }
            var rowCall = new RowCall(row, label, key, async ct => await call(ct).ConfigureAwait(false), result => onDone((T)result!));
            _run.Start(rowCall, key.HasValue ? new[] { new KeyValuePair<JournalKey, string>(key.Value, label) } : null);
        }

        /// <summary>Waits for the calls in flight, writes them out and ends with the summary (call in EndProcessing).</summary>
        public void Finish()
        {
            _run.Finish();
            _run.Summarize(_parameters.Summary);
        }

        /// <summary>A finished call (on the pipeline thread): its outcome to the journal and the counts, its result or error to the pipeline.</summary>
        private void Finished(Dispatched<RowCall, object?> done)
        {
            if (done.Cancelled) throw new PipelineStoppedException();
            var call = done.Input;
            if (done.Error is ImException ex)
            {
                _run.Record(call.Key, ex.OutcomeUnknown ? JournalState.Unknown : JournalState.Failed, call.Label);
                _cmdlet.WriteItemFailure(ex, _errorIdOf(ex), call.Row);
                return;
            }
            if (done.Error != null) throw done.Error;
            _run.Record(call.Key, JournalState.Sent, call.Label);
            call.OnDone(done.Output);
        }

        /// <summary>One row's call: what it does, what its outcome is written as, and the row its error points at.</summary>
        private sealed class RowCall
        {
            public RowCall(object row, string label, JournalKey? key, Func<CancellationToken, Task<object?>> call, Action<object?> onDone)
            {
                Row = row;
                Label = label;
                Key = key;
                Call = call;
                OnDone = onDone;
            }

            public object Row { get; }

            public string Label { get; }

            public JournalKey? Key { get; }

            public Func<CancellationToken, Task<object?>> Call { get; }

            public Action<object?> OnDone { get; }
        }
    }
}
