using ImAdmin.Sandbox.Faults;

namespace ImAdmin.Engine.Tests.Http;

/// <summary>The sandbox's rate faults: a seed fixes the schedule, and counted faults still come first-match.</summary>
public class FaultInjectorTests
{
    private static List<int> Schedule(int seed, int requests)
    {
        var faults = new FaultInjector();
        faults.Add(new Fault { Path = "/message/send", Status = 500, Rate = 0.3, Seed = seed });
        return Enumerable.Range(0, requests).Select(_ => faults.Take("/message/send")?.Status ?? 200).ToList();
    }

    [Fact]
    public void The_same_seed_gives_the_same_fault_schedule_at_about_the_rate()
    {
        var first = Schedule(7, 2000);
        Assert.Equal(first, Schedule(7, 2000));
        Assert.NotEqual(first, Schedule(8, 2000));
        var share = first.Count(s => s == 500) / 2000.0;
        Assert.InRange(share, 0.25, 0.35);
    }

    [Fact]
    public void A_counted_fault_is_used_up_and_other_paths_are_untouched()
    {
        var faults = new FaultInjector();
        faults.Add(new Fault { Path = "/a", Status = 502, Times = 2, Reset = true });

        Assert.Null(faults.Take("/b"));
        Assert.True(faults.Take("/a")!.Reset);
        Assert.NotNull(faults.Take("/a"));
        Assert.Null(faults.Take("/a"));
    }
}
