using ImAdmin.Engine.Bulk;

namespace ImAdmin.Engine.Tests.Bulk;

/// <summary>Overlapped calls: how many run at once, what comes back, and what a stop leaves. Calls are gated, not timed.</summary>
public class CallDispatcherTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static List<Dispatched<int, int>> TakeAll<TIn>(CallDispatcher<int, int> dispatcher, int count)
    {
        var taken = new List<Dispatched<int, int>>();
        while (taken.Count < count)
        {
            Assert.True(dispatcher.WaitAny(Wait));
            while (dispatcher.TryTake(out var done)) taken.Add(done);
        }
        return taken;
    }

    [Fact]
    public void Never_more_than_the_throttle_limit_in_flight_and_every_input_comes_back_once()
    {
        var gate = new SemaphoreSlim(0);
        int running = 0, peak = 0;
        using var dispatcher = new CallDispatcher<int, int>(3, async (i, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            lock (gate) peak = Math.Max(peak, now);
            await gate.WaitAsync(ct);
            Interlocked.Decrement(ref running);
            return i * 10;
        }, CancellationToken.None);

        for (var i = 0; i < 3; i++) Assert.True(dispatcher.TryStart(i, Wait));
        // The fourth call has no slot until one of the three finishes.
        Assert.False(dispatcher.TryStart(3, TimeSpan.FromMilliseconds(50)));
        Assert.Equal(3, dispatcher.InFlight.Count);

        gate.Release(1);
        Assert.True(dispatcher.TryStart(3, Wait));
        gate.Release(100);
        for (var i = 4; i < 20; i++) Assert.True(dispatcher.TryStart(i, Wait));

        var results = TakeAll<int>(dispatcher, 20);
        Assert.Equal(Enumerable.Range(0, 20), results.Select(r => r.Input).OrderBy(i => i));
        Assert.All(results, r => Assert.Equal(r.Input * 10, r.Output));
        Assert.Equal(3, peak);
        Assert.Equal(0, dispatcher.Pending);
    }

    [Fact]
    public void Results_come_back_in_the_order_calls_finish_each_with_its_input()
    {
        var gates = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        using var dispatcher = new CallDispatcher<int, int>(3, (i, ct) => gates[i].Task, CancellationToken.None);
        for (var i = 0; i < 3; i++) dispatcher.TryStart(i, Wait);

        gates[2].SetResult(20);
        var first = TakeAll<int>(dispatcher, 1).Single();
        gates[0].SetResult(0);
        gates[1].SetException(new InvalidOperationException("row 1 failed"));
        var rest = TakeAll<int>(dispatcher, 2);

        Assert.Equal(2, first.Input);
        Assert.Equal(20, first.Output);
        Assert.Equal("row 1 failed", rest.Single(r => r.Input == 1).Error!.Message);
        Assert.Null(rest.Single(r => r.Input == 0).Error);
    }

    [Fact]
    public void A_stop_cancels_the_calls_in_flight_and_names_their_inputs()
    {
        using var stop = new CancellationTokenSource();
        var started = new CountdownEvent(2);
        using var dispatcher = new CallDispatcher<int, int>(2, async (i, ct) =>
        {
            started.Signal();
            await Task.Delay(Timeout.Infinite, ct);
            return i;
        }, stop.Token);
        dispatcher.TryStart(7, Wait);
        dispatcher.TryStart(8, Wait);
        Assert.True(started.Wait(Wait));
        Assert.Equal(new[] { 7, 8 }, dispatcher.InFlight.OrderBy(i => i));

        stop.Cancel();

        var results = TakeAll<int>(dispatcher, 2);
        Assert.All(results, r => Assert.True(r.Cancelled));
        Assert.Throws<OperationCanceledException>(() => dispatcher.TryStart(9, Wait));
    }

    [Fact]
    public void The_starting_hook_runs_only_once_a_slot_is_taken()
    {
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var begun = new List<int>();
        using var dispatcher = new CallDispatcher<int, int>(1, (i, ct) => gate.Task, CancellationToken.None);
        Assert.True(dispatcher.TryStart(1, Wait, begun.Add));
        Assert.False(dispatcher.TryStart(2, TimeSpan.FromMilliseconds(50), begun.Add));
        Assert.Equal(new[] { 1 }, begun);

        // A failing hook (the journal cannot be written) starts nothing and gives the slot back.
        gate.SetResult(0);
        TakeAll<int>(dispatcher, 1);
        Assert.Throws<IOException>(() => dispatcher.TryStart(3, Wait, _ => throw new IOException("disk full")));
        Assert.True(dispatcher.TryStart(4, Wait, begun.Add));
        Assert.Equal(new[] { 1, 4 }, begun);
    }

    [Fact]
    public void The_throttle_limit_must_be_positive()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new CallDispatcher<int, int>(0, (i, ct) => Task.FromResult(i), CancellationToken.None));
        Assert.Equal("throttleLimit", ex.ParamName);
    }

    [Fact]
    public void A_batch_takes_a_slot_per_250_rows_so_at_most_limit_times_250_batch_rows_are_in_flight()
    {
        var gate = new TaskCompletionSource<int>();
        using var dispatcher = new CallDispatcher<List<int>, int>(8, (rows, ct) => gate.Task, CancellationToken.None);
        var batch = Enumerable.Range(0, 1000).ToList();
        Assert.True(dispatcher.TryStart(batch, Wait));
        Assert.True(dispatcher.TryStart(batch, Wait));
        // Two batches of 1,000 hold all 8 slots: neither a third batch nor a single call starts.
        Assert.False(dispatcher.TryStart(batch, TimeSpan.FromMilliseconds(50)));
        Assert.False(dispatcher.TryStart(new List<int> { 1 }, TimeSpan.FromMilliseconds(50)));
        Assert.Equal(2, dispatcher.InFlight.Count);

        gate.SetResult(0);
        Assert.True(dispatcher.WaitAny(Wait));
        // A batch larger than the limit's worth still runs, alone, instead of waiting forever.
        using var one = new CallDispatcher<List<int>, int>(1, (rows, ct) => Task.FromResult(rows.Count), CancellationToken.None);
        Assert.True(one.TryStart(batch, Wait));
        Assert.True(one.WaitAny(Wait));
        Assert.True(one.TryTake(out var done));
        Assert.Equal(1000, done.Output);
        Assert.True(one.TryStart(batch, Wait));
    }
}
