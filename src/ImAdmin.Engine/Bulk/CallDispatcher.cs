using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImAdmin.Engine.Bulk
{
    /// <summary>
    /// Runs independent calls in the background, at most <see cref="ThrottleLimit"/> at a time, while the caller keeps
    /// reading rows. The caller (a cmdlet's pipeline thread) starts calls and collects finished ones; it never blocks
    /// longer than the wait it passes, so it can relay log messages between waits. Finished calls come out in the order
    /// they finish, not the order they started: each carries its own input. Thread-safe for one producer.
    /// </summary>
    public sealed class CallDispatcher<TInput, TOutput> : IDisposable
    {
        /// <summary>
        /// Rows one slot stands for: a call whose input is a collection of more rows takes a slot per this many (at most
        /// all of them), so batch calls keep about ThrottleLimit × 250 rows in flight (two Wildfire batches of 1,000 at
        /// the default limit of 8) instead of eight whole batches: those rows, their requests and their bodies are most
        /// of what a bulk run holds in memory (docs/benchmarks.md), and two batches already keep up with binding rows.
        /// </summary>
        public const int RowsPerSlot = 250;

        private readonly Func<TInput, CancellationToken, Task<TOutput>> _call;
        private readonly SemaphoreSlim _slots;
        private readonly SemaphoreSlim _finished = new SemaphoreSlim(0);
        private readonly ConcurrentQueue<Dispatched<TInput, TOutput>> _done = new ConcurrentQueue<Dispatched<TInput, TOutput>>();
        private readonly ConcurrentDictionary<long, TInput> _inFlight = new ConcurrentDictionary<long, TInput>();
        private readonly CancellationTokenSource _cancellation;
        private long _next;

        /// <param name="throttleLimit">Calls in flight at most (1 = one after another, still overlapped with reading rows).</param>
        /// <param name="call">The call for one input; its exceptions are captured in the result, never thrown here.</param>
        /// <param name="cancellation">Stops every call in flight (Ctrl+C).</param>
        public CallDispatcher(int throttleLimit, Func<TInput, CancellationToken, Task<TOutput>> call, CancellationToken cancellation)
        {
            if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit), "At least one call must be allowed in flight.");
            ThrottleLimit = throttleLimit;
            _call = call;
            _slots = new SemaphoreSlim(throttleLimit);
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        }

        public int ThrottleLimit { get; }

        /// <summary>Calls started and not yet collected by <see cref="TryTake"/>.</summary>
        public int Pending => _inFlight.Count + _done.Count;

        /// <summary>The inputs whose calls are running now (on a stop: sent or not, their outcome is unknown).</summary>
        public IReadOnlyCollection<TInput> InFlight => (IReadOnlyCollection<TInput>)_inFlight.Values;

        /// <summary>
        /// Starts the call for <paramref name="input"/> if a slot frees up within <paramref name="wait"/>; false when none
        /// did (collect finished calls, then ask again). The call starts on the caller's thread (with its execution
        /// context, so ambient logging flows into it) and goes on in the background at its first wait, usually for the
        /// server's answer: a hop to the thread pool per call cost more than building the request here.
        /// </summary>
        /// <param name="input">The input of the call.</param>
        /// <param name="wait">How long to wait for a free slot.</param>
        /// <param name="starting">Runs once the slot is taken, just before the call starts (a journal writes the row as begun here, so a row waiting for a slot is never recorded as possibly sent).</param>
        public bool TryStart(TInput input, TimeSpan wait, Action<TInput>? starting = null)
        {
            var slots = SlotsOf(input);
            for (var taken = 0; taken < slots; taken++)
            {
                if (_slots.Wait(0, _cancellation.Token)) continue;
                // Not SemaphoreSlim.Wait(wait): it spins first, taking a core from the very calls it waits for.
                WaitHandle.WaitAny(new[] { _slots.AvailableWaitHandle, _cancellation.Token.WaitHandle }, wait);
                if (_slots.Wait(0, _cancellation.Token)) continue;
                if (taken > 0) _slots.Release(taken);
                return false;
            }
            try
            {
                starting?.Invoke(input);
            }
            catch
            {
                _slots.Release(slots);
                throw;
            }
            var id = Interlocked.Increment(ref _next);
            _inFlight[id] = input;
            _ = RunAsync(id, input, slots);
            return true;
        }

        /// <summary>The slots a call takes: one, or one per <see cref="RowsPerSlot"/> rows of a batch, at most all of them.</summary>
        private int SlotsOf(TInput input) =>
            input is System.Collections.ICollection rows ? Math.Min(ThrottleLimit, Math.Max(1, (rows.Count + RowsPerSlot - 1) / RowsPerSlot)) : 1;

        /// <summary>A finished call, if any, in the order calls finished.</summary>
        public bool TryTake(out Dispatched<TInput, TOutput> finished) => _done.TryDequeue(out finished);

        /// <summary>Waits up to <paramref name="wait"/> for a call to finish; true when one has (take it with <see cref="TryTake"/>).</summary>
        public bool WaitAny(TimeSpan wait) => _done.Count > 0 || _finished.Wait(wait);

        /// <summary>Cancels every call in flight; their results still arrive, as cancelled.</summary>
        public void Cancel() => _cancellation.Cancel();

        private async Task RunAsync(long id, TInput input, int slots)
        {
            Dispatched<TInput, TOutput> result;
            try
            {
                result = new Dispatched<TInput, TOutput>(input, await _call(input, _cancellation.Token).ConfigureAwait(false), null);
            }
            catch (Exception ex)
            {
                result = new Dispatched<TInput, TOutput>(input, default!, ex);
            }
            _inFlight.TryRemove(id, out _);
            _done.Enqueue(result);
            _finished.Release();
            _slots.Release(slots);
        }

        public void Dispose()
        {
            _cancellation.Cancel();
            _cancellation.Dispose();
        }
    }

    /// <summary>One finished call: its input and either its output or the exception it ended with.</summary>
    public readonly struct Dispatched<TInput, TOutput>
    {
        public Dispatched(TInput input, TOutput output, Exception? error)
        {
            Input = input;
            Output = output;
            Error = error;
        }

        public TInput Input { get; }

        public TOutput Output { get; }

        public Exception? Error { get; }

        public bool Cancelled => Error is OperationCanceledException;
    }
}
