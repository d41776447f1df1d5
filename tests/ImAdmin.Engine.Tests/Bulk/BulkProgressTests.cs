using ImAdmin.Engine.Bulk;

namespace ImAdmin.Engine.Tests.Bulk;

public class BulkProgressTests
{
    private TimeSpan _now;

    [Fact]
    public void Updates_are_due_at_most_four_times_a_second()
    {
        var progress = new BulkProgress("Send-ImMessage", () => _now);
        var due = 0;
        for (var ms = 0; ms < 10_000; ms++)
        {
            _now = TimeSpan.FromMilliseconds(ms);
            progress.AddSent();
            if (progress.Due()) due++;
        }
        Assert.InRange(due, 39, 40);
        // Nothing done since the last update: nothing to show.
        _now += TimeSpan.FromSeconds(1);
        progress.Due();
        _now += TimeSpan.FromSeconds(1);
        Assert.False(progress.Due());
    }

    [Fact]
    public void Rate_time_left_and_summary_come_from_the_counts()
    {
        var progress = new BulkProgress("Import-ImMessage", () => _now) { Total = 1000 };
        Assert.Null(progress.Remaining);
        progress.AddSent(300);
        progress.AddFailed(50);
        progress.AddSkipped(100);
        progress.AddUnknown(50);
        _now = TimeSpan.FromSeconds(5);

        Assert.Equal(500, progress.Done);
        Assert.Equal(100, progress.RowsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(5), progress.Remaining);
        Assert.Equal(50, progress.Percent);
        Assert.Equal("500 of 1,000 done (300 ok, 50 failed, 100 skipped, 50 unknown), 100/s", progress.Status());

        progress.AddNotSent(7);
        var summary = progress.Summary("run.journal");
        Assert.Equal((300, 50, 100, 50, 7), (summary.Sent, summary.Failed, summary.Skipped, summary.Unknown, summary.NotSent));
        Assert.Equal("run.journal", summary.Journal);
        Assert.Equal("Import-ImMessage: 300 sent, 50 failed, 100 skipped, 50 unknown, 7 not sent", summary.ToString());
    }

    [Fact]
    public void Without_a_total_there_is_no_time_left_or_percent()
    {
        var progress = new BulkProgress("x", () => _now);
        progress.AddSent(10);
        _now = TimeSpan.FromSeconds(1);
        Assert.Null(progress.Remaining);
        Assert.Null(progress.Percent);
    }
}
