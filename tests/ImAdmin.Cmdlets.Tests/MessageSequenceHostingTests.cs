using System.Management.Automation;
using ImAdmin.Engine.Models;

namespace ImAdmin.Cmdlets.Tests;

/// <summary>
/// Get-ImMessageSequence hosted in-process against the sandbox's WuKongIM server: many piped rows read concurrently
/// all come back (in any order) each naming its channel, and a failed row's error holds the very row object piped.
/// </summary>
public sealed class MessageSequenceHostingTests : IClassFixture<HostedModule>
{
    private readonly HostedModule _module;

    public MessageSequenceHostingTests(HostedModule module) => _module = module;

    [Fact]
    public void Many_rows_read_concurrently_all_come_back_and_a_failed_row_is_its_errors_TargetObject()
    {
        var prefix = "hseq-" + Guid.NewGuid().ToString("N")[..8];
        var (_, send) = _module.Run(p => p.AddScript("param($c) 1..3 | ForEach-Object { Send-ImMessage -From bot -ChannelId $c -ChannelType Group -Text \"m$_\" }")
            .AddArgument(prefix + "-0"));
        using (send) Assert.False(send.HadErrors, string.Join("; ", send.Streams.Error));
        var rows = Enumerable.Range(0, 40).Select(i => Row(prefix + "-" + i, "Group")).ToList();
        var lonely = Row(prefix + "-lonely", "Person"); // a person channel without its viewing user
        rows.Insert(17, lonely);

        using var ps = PowerShell.Create();
        ps.Runspace = _module.Runspace;
        ps.AddCommand("Get-ImMessageSequence").AddParameter("ThrottleLimit", 8).AddParameter("Summary");
        var results = ps.Invoke(rows);

        var sequences = results.Select(r => r.BaseObject).OfType<ImMessageSequence>().ToList();
        Assert.Equal(rows.Where(r => r != lonely).Select(r => (string)r.Properties["channel_id"].Value).OrderBy(c => c, StringComparer.Ordinal),
            sequences.Select(s => s.ChannelId).OrderBy(c => c, StringComparer.Ordinal));
        Assert.All(sequences, s => Assert.Equal(s.ChannelId == prefix + "-0" ? 3 : 0, s.MessageSequence));
        var summary = Assert.Single(results.Select(r => r.BaseObject).OfType<ImBulkSummary>());
        Assert.Equal(40, summary.Sent);
        Assert.Equal(1, summary.Failed);
        var error = Assert.Single(ps.Streams.Error);
        Assert.Same(lonely, error.TargetObject);
        Assert.StartsWith("ImAdmin.InvalidArgument", error.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    private static PSObject Row(string channelId, string channelType)
    {
        var row = new PSObject();
        row.Properties.Add(new PSNoteProperty("channel_id", channelId));
        row.Properties.Add(new PSNoteProperty("channel_type", channelType));
        return row;
    }
}
