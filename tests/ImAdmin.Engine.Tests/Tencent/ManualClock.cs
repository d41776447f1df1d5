namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>A clock tests move by hand; thread-safe.</summary>
public sealed class ManualClock(DateTimeOffset start)
{
    private long _ticks = start.UtcTicks;

    public DateTimeOffset Now() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
