using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Base
{
    /// <summary>
    /// Base of every ImAdmin cmdlet. It owns cancellation (Ctrl+C cancels the HTTP call in flight through
    /// <see cref="StopProcessing"/>), runs engine calls from the pipeline thread while replaying their verbose,
    /// warning and debug messages, and builds error records whose TargetObject is the failed input.
    /// </summary>
    public abstract partial class ImCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly PipelineLog _log = new PipelineLog();
        private Action? _onStop;
        private IDisposable? _held;

        protected CancellationToken CancellationToken => _cancellation.Token;

        /// <summary>Cancelled by Ctrl+C (for the composed helpers, such as <see cref="BulkRun{TCall,TResult}"/>).</summary>
        internal CancellationToken Cancellation => _cancellation.Token;

        private bool _logLevelsRead;

        /// <summary>While in scope, engine calls started on this thread log to this cmdlet.</summary>
        internal IDisposable LogScope() => ImLog.Use(Log);

        /// <summary>The log, told once whether this invocation writes verbose and debug records at all.</summary>
        private PipelineLog Log
        {
            get
            {
                if (_logLevelsRead) return _log;
                _logLevelsRead = true;
                _log.VerboseEnabled = Writes("Verbose", "VerbosePreference");
                _log.DebugEnabled = Writes("Debug", "DebugPreference");
                return _log;
            }
        }

        /// <summary>Whether WriteVerbose/WriteDebug would show anything: -Verbose/-Debug when given, else the preference variable.</summary>
        private bool Writes(string switchName, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(switchName, out var given) && given is SwitchParameter flag) return flag.IsPresent;
            try
            {
                return !LanguagePrimitives.TryConvertTo<ActionPreference>(SessionState.PSVariable.GetValue(preferenceVariable), out var preference)
                       || (preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore);
            }
            catch (PSInvalidOperationException)
            {
                return true; // no session state (the cmdlet invoked directly): keep everything
            }
        }

        /// <summary>Writes out what engine calls logged so far (pipeline thread only).</summary>
        internal void RelayLog() => DrainLog();

        protected override void StopProcessing()
        {
            _cancellation.Cancel();
            _onStop?.Invoke();
        }

        /// <summary>Keeps a bulk run for this invocation: told on Ctrl+C (<paramref name="onStop"/>), released at the end.</summary>
        internal void Hold(IDisposable run, Action onStop)
        {
            _held = run;
            _onStop = onStop;
        }

        /// <summary>Runs an engine call to completion on a worker thread, replaying its messages meanwhile.</summary>
        protected internal T Run<T>(Func<CancellationToken, Task<T>> operation)
        {
            Task<T> task;
            using (ImLog.Use(Log))
            {
                // Task.Run captures the execution context, so ImLog.Current flows into the call.
                task = Task.Run(() => operation(_cancellation.Token));
            }
            while (!task.IsCompleted)
            {
                try { task.Wait(100); }
                catch (AggregateException) { /* observed below */ }
                DrainLog();
            }
            DrainLog();
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        protected void Run(Func<CancellationToken, Task> operation) => Run(Completing(operation));

        /// <summary>An engine call without a result as one that gives true, for the helpers written for calls with one.</summary>
        protected internal static Func<CancellationToken, Task<bool>> Completing(Func<CancellationToken, Task> operation) =>
            async ct =>
            {
                await operation(ct).ConfigureAwait(false);
                return true;
            };

        /// <summary>Enumerates a lazy server listing on the pipeline thread, one item at a time.</summary>
        protected IEnumerable<T> Stream<T>(IAsyncEnumerable<T> source)
        {
            var enumerator = source.GetAsyncEnumerator(_cancellation.Token);
            try
            {
                while (Run(_ => enumerator.MoveNextAsync().AsTask()))
                    yield return enumerator.Current;
            }
            finally
            {
                Run(_ => enumerator.DisposeAsync().AsTask().ContinueWith(t => true, TaskScheduler.Default));
            }
        }

        /// <summary>A non-terminating error for one input item; <paramref name="target"/> is that item.</summary>
        protected internal void WriteItemError(Exception exception, string errorId, object? target) =>
            WriteError(ErrorRecords.From(exception, errorId, target));

        /// <summary>
        /// The failure of one input item: non-terminating, unless no later item can succeed either (credentials
        /// rejected, server refusing connections, a capability the server lacks): then it stops the cmdlet. A
        /// connection that broke mid-call is transient and ends only its own item.
        /// </summary>
        protected internal void WriteItemFailure(Exception exception, string errorId, object? target)
        {
            if (exception is ImException { Kind: ImErrorKind.NotSupported } or ImException { EndsRun: true })
                ThrowTerminating(exception, errorId, target);
            WriteItemError(exception, errorId, target);
        }

        /// <summary>
        /// Writes one item's outcome: the value to the pipeline, or a non-terminating error record whose TargetObject is
        /// <paramref name="row"/> (the input row the item came from). Failed and Unknown alike are errors; an Unknown
        /// error says the call may have acted. The "cannot continue at all" rule of <see cref="WriteItemFailure"/> applies,
        /// except in a bulk run (<paramref name="bulk"/> given): that writes every row of a call first, with the error id
        /// it chose, and then stops itself.
        /// </summary>
        private protected void WriteResult<T>(ItemResult<T> result, string errorId, object? row, BulkResultWriting<T>? bulk = null)
        {
            var target = row ?? result.Input;
            if (bulk == null)
            {
                if (result.Succeeded) WriteObject(result.Value);
                else WriteItemFailure(result.Error!, result.Error is ImInputException ? "ImAdmin.InvalidArgument" : errorId, target);
                return;
            }
            if (!result.Succeeded) WriteItemError(bulk.WordError(result.Error!), errorId, target);
            if (bulk.PassThru) WriteObject(result.Succeeded ? result.Value : bulk.FailedOutput(result));
        }

        /// <summary>Stops the cmdlet: only for "cannot continue at all" (no session, bad parameters, auth failure).</summary>
        protected internal void ThrowTerminating(Exception exception, string errorId, object? target = null) =>
            ThrowTerminatingError(ErrorRecords.From(exception, errorId, target));

        /// <summary>A terminating bad-input error that names the parameter and the fix.</summary>
        protected void ThrowInvalidArgument(string parameterName, string message, object? target = null) =>
            ThrowTerminating(new ImInputException(parameterName, message), "ImAdmin.InvalidArgument", target);

        // Drained once per row in a bulk run: one delegate for the whole invocation.
        private Action<PipelineLog.Kind, string>? _writeLog;

        private void DrainLog() => _log.Drain(_writeLog ??= WriteLog);

        private void WriteLog(PipelineLog.Kind kind, string text)
        {
            switch (kind)
            {
                case PipelineLog.Kind.Verbose: WriteVerbose(text); break;
                case PipelineLog.Kind.Warning: WriteWarning(text); break;
                default: WriteDebug(text); break;
            }
        }

        /// <summary>Releases what a cmdlet holds for its whole run (a journal file, calls in flight); called once at the end.</summary>
        protected virtual void ReleaseResources()
        {
        }

        public void Dispose()
        {
            ReleaseResources();
            _held?.Dispose();
            _cancellation.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
