using System.Text;
using ImAdmin.Engine.Bulk;
using ImAdmin.Engine.Errors;

namespace ImAdmin.Engine.Tests.Bulk;

/// <summary>The journal on a real file: what a re-run skips, sends and holds back, and what a crash leaves.</summary>
public class RunJournalTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "imadmin-journal-" + Guid.NewGuid().ToString("N") + ".log");
    private DateTimeOffset _now = new(2026, 12, 2, 5, 0, 0, TimeSpan.Zero);

    public void Dispose() => File.Delete(_path);

    private RunJournal Open() => RunJournal.Open(_path, () => _now);

    private static KeyValuePair<JournalKey, string> Row(JournalKey key, string label) => new(key, label);

    [Fact]
    public void A_rerun_skips_sent_rows_resends_failed_ones_and_holds_back_interrupted_ones()
    {
        var sent = JournalKey.Of("Person", "u1", "hello");
        var failed = JournalKey.Of("Person", "u2", "hello");
        var interrupted = JournalKey.Of("Person", "u3", "hello");
        var lost = JournalKey.Of("Person", "u4", "hello");
        var fresh = JournalKey.Of("Person", "u5", "hello");
        using (var journal = Open())
        {
            journal.Begin(new[] { Row(sent, "Person u1"), Row(failed, "Person u2"), Row(interrupted, "Person u3"), Row(lost, "Person u4") });
            journal.Record(sent, JournalState.Sent, "Person u1");
            journal.Record(failed, JournalState.Failed, "Person u2");
            journal.Record(lost, JournalState.Unknown, "Person u4");
            // u3: begun, then the process died.
        }

        using var rerun = Open();
        Assert.Equal(4, rerun.Count);
        Assert.Equal(JournalDecision.SkipSent, rerun.Decide(sent, null));
        Assert.Equal(JournalDecision.Send, rerun.Decide(failed, null));
        Assert.Equal(JournalDecision.SkipUnknown, rerun.Decide(interrupted, null));
        Assert.Equal(JournalDecision.SkipUnknown, rerun.Decide(lost, null));
        Assert.Equal(JournalDecision.Send, rerun.Decide(fresh, null));
        Assert.True(rerun.TryGet(interrupted, out var entry));
        Assert.Equal(JournalState.Begun, entry.State);
        Assert.Equal("Person u3", entry.Label);
    }

    [Fact]
    public void An_unknown_row_is_resent_only_within_the_providers_dedupe_window()
    {
        var key = JournalKey.Of("import", "u1", "2026-01-01");
        using (var journal = Open()) journal.Begin(new[] { Row(key, "u1") });

        _now += TimeSpan.FromMinutes(4);
        using var rerun = Open();
        Assert.Equal(JournalDecision.Send, rerun.Decide(key, TimeSpan.FromMinutes(5)));
        Assert.Equal(JournalDecision.SkipUnknown, rerun.Decide(key, TimeSpan.FromMinutes(3)));
        Assert.Equal(JournalDecision.SkipUnknown, rerun.Decide(key, null));
    }

    [Fact]
    public void A_line_torn_by_a_crash_is_ignored_and_overwritten()
    {
        var whole = JournalKey.Of("a");
        var torn = JournalKey.Of("b");
        using (var journal = Open())
        {
            journal.Begin(new[] { Row(whole, "a") });
            journal.Record(whole, JournalState.Sent, "a");
        }
        File.AppendAllText(_path, "S " + torn + " 17");

        using (var rerun = Open())
        {
            Assert.Equal(JournalDecision.SkipSent, rerun.Decide(whole, null));
            Assert.Equal(JournalDecision.Send, rerun.Decide(torn, null));
            rerun.Record(torn, JournalState.Failed, "b");
        }
        var lines = File.ReadAllLines(_path);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("F " + torn, lines[3]);
    }

    [Fact]
    public void Identical_rows_get_distinct_keys_that_repeat_on_the_next_run()
    {
        var row = JournalKey.Of("Person", "u1", "same");
        var first = new JournalKeyCounter();
        var second = new JournalKeyCounter();
        var keys = new[] { first.Next(row), first.Next(row), first.Next(JournalKey.Of("Person", "u1", "other")) };
        Assert.Equal(3, keys.Distinct().Count());
        Assert.Equal(keys[0], second.Next(row));
        Assert.Equal(keys[1], second.Next(row));
        Assert.NotEqual(JournalKey.Of("ab", "c"), JournalKey.Of("a", "bc"));
        Assert.NotEqual(JournalKey.Of(null, "x"), JournalKey.Of("", "x"));
        Assert.True(JournalKey.TryParse(keys[1].ToString(), out var parsed));
        Assert.Equal(keys[1], parsed);
    }

    [Fact]
    public void A_journal_in_use_or_a_foreign_file_is_refused_with_the_parameter_named()
    {
        using (Open())
        {
            var busy = Assert.Throws<ImInputException>(() => Open());
            Assert.Equal("Journal", busy.ParameterName);
            Assert.Contains("its own journal", busy.Message);
        }
        File.WriteAllText(_path, "uid,text\nu1,hi\n", Encoding.UTF8);
        var foreign = Assert.Throws<ImInputException>(() => Open());
        Assert.Contains("is not an ImAdmin journal", foreign.Message);
    }

    [Fact]
    public void The_journal_can_be_read_while_a_run_writes_it_and_its_lock_goes_with_the_run()
    {
        var key = JournalKey.Of("x");
        using (var journal = Open())
        {
            journal.Begin(new[] { Row(key, "x") });
            using var reader = new StreamReader(new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            Assert.Contains("B " + key, reader.ReadToEnd());
            Assert.True(File.Exists(_path + ".lock"));
        }
        Assert.False(File.Exists(_path + ".lock"));
    }

    [Fact]
    public void Records_reach_the_os_before_the_call_and_the_disk_by_the_timer_even_when_no_record_follows()
    {
        var key = JournalKey.Of("durable");
        using var journal = Open();
        var before = journal.DiskSyncs;
        journal.Begin(new[] { Row(key, "durable") });
        // Another handle (as after a kill) sees the record at once: it is with the operating system.
        using (var reader = new StreamReader(new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)))
            Assert.Contains("B " + key, reader.ReadToEnd());
        // No further record: the once-a-second timer still forces it to the disk.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (journal.DiskSyncs == before && DateTime.UtcNow < deadline) Thread.Sleep(50);
        Assert.Equal(before + 1, journal.DiskSyncs);
        // Nothing new, nothing to force.
        journal.SyncToDisk();
        Assert.Equal(before + 1, journal.DiskSyncs);
        journal.Record(key, JournalState.Sent, "durable");
        journal.SyncToDisk();
        Assert.Equal(before + 2, journal.DiskSyncs);
    }

    [Fact]
    public void Labels_stay_on_one_line()
    {
        var key = JournalKey.Of("x");
        using (var journal = Open()) journal.Begin(new[] { Row(key, "line one\nline two") });
        using var rerun = Open();
        Assert.True(rerun.TryGet(key, out var entry));
        Assert.Equal("line one line two", entry.Label);
    }
}
