using System.Management.Automation;
using ImAdmin.Sandbox.Faults;

namespace ImAdmin.Cmdlets.Tests;

/// <summary>
/// Behaviours of the cmdlets that a Pester file cannot observe as directly: the server calls made (or not) when
/// nothing can answer a prompt, the identity of the row object in an error record, and the progress records.
/// </summary>
public sealed class CmdletHostingTests : IClassFixture<HostedModule>
{
    private readonly HostedModule _module;

    public CmdletHostingTests(HostedModule module) => _module = module;

    private int Calls(string path) => _module.Sandbox.WuKongServer.Journal.Count(path);

    private string NewChannel()
    {
        var id = "hosted-" + Guid.NewGuid().ToString("N")[..8];
        var (_, ps) = _module.Run(p => p.AddCommand("New-ImChannel").AddParameter("ChannelId", id).AddParameter("ChannelType", "Group"));
        using (ps) Assert.False(ps.HadErrors, string.Join("; ", ps.Streams.Error));
        return id;
    }

    [Fact]
    public void A_High_cmdlet_in_a_host_that_cannot_prompt_fails_without_calling_the_server()
    {
        var id = NewChannel();
        var before = Calls("/channel/delete");

        var error = Assert.Throws<CmdletInvocationException>(() =>
            _module.Run(p => p.AddCommand("Remove-ImChannel").AddParameter("ChannelId", id).AddParameter("ChannelType", "Group")));

        Assert.IsType<System.Management.Automation.Host.HostException>(error.InnerException);
        Assert.Contains(id, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Calls("/channel/delete"));
    }

    [Fact]
    public void A_High_cmdlet_with_Confirm_false_and_a_Medium_one_by_default_call_the_server_without_prompting()
    {
        var id = NewChannel();
        var removes = Calls("/channel/delete");
        var blacklists = _module.Sandbox.WuKongServer.Journal.Entries.Count(e => e.Path.StartsWith("/channel/blacklist", StringComparison.Ordinal));

        var (_, set) = _module.Run(p => p.AddCommand("Set-ImChannelBlacklist").AddParameter("ChannelId", id)
            .AddParameter("ChannelType", "Group").AddParameter("UserId", new[] { "spammer" }));
        var (_, remove) = _module.Run(p => p.AddCommand("Remove-ImChannel").AddParameter("ChannelId", id)
            .AddParameter("ChannelType", "Group").AddParameter("Confirm", false));

        using (set) Assert.False(set.HadErrors, string.Join("; ", set.Streams.Error));
        using (remove) Assert.False(remove.HadErrors, string.Join("; ", remove.Streams.Error));
        Assert.Equal(removes + 1, Calls("/channel/delete"));
        Assert.True(_module.Sandbox.WuKongServer.Journal.Entries.Count(e => e.Path.StartsWith("/channel/blacklist", StringComparison.Ordinal)) > blacklists);
    }

    [Fact]
    public void WhatIf_calls_nothing()
    {
        var before = Calls("/message/sendbatch");

        var (_, ps) = _module.Run(p => p.AddCommand("Send-ImMessage").AddParameter("ChannelId", new[] { "a", "b" })
            .AddParameter("From", "admin").AddParameter("Text", "hi").AddParameter("WhatIf"));

        using (ps) Assert.False(ps.HadErrors);
        Assert.Equal(before, Calls("/message/sendbatch"));
    }

    [Fact]
    public void A_CSV_row_that_fails_is_the_TargetObject_of_its_error_and_the_message_names_the_row()
    {
        var rows = _module.Run(p => p.AddCommand("ConvertFrom-Csv").AddParameter("InputObject", new[] { "UserId,Text", "csv-ok,hello", " ,hello" })).Output;

        var shell = PowerShell.Create();
        shell.Runspace = _module.Runspace;
        shell.AddCommand("Send-ImMessage").AddParameter("From", "admin").AddParameter("PassThru");
        var sent = shell.Invoke(rows);

        using (shell)
        {
            var error = Assert.Single(shell.Streams.Error);
            Assert.Same(rows[1], error.TargetObject);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.StartsWith("ImAdmin.InvalidArgument", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.StartsWith("Row 2: ", error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal("csv-ok", Assert.Single(sent).Properties["ChannelId"].Value);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Progress_shows_the_rate_and_with_a_known_total_the_percent_and_time_left(bool recipientsAsArray)
    {
        // The batch is refused after more than the half-second progress interval, so a progress record follows it.
        _module.Sandbox.WuKongServer.Faults.Add(new Fault { Path = "/message/sendbatch", Status = 400, DelayMs = 700, Body = "{\"msg\":\"slow refusal\",\"status\":400}" });
        var recipients = new[] { "p-1", "p-2" };

        var shell = PowerShell.Create();
        shell.Runspace = _module.Runspace;
        shell.AddCommand("Send-ImMessage").AddParameter("From", "admin").AddParameter("Text", "progress");
        if (recipientsAsArray) shell.AddParameter("ChannelId", recipients);
        shell.Invoke(recipientsAsArray ? null : recipients);

        using (shell)
        {
            Assert.Equal(2, shell.Streams.Error.Count);
            var progress = shell.Streams.Progress.First(p => p.RecordType == ProgressRecordType.Processing);
            Assert.Matches(recipientsAsArray ? @"^2 of 2 done \(0 ok, 2 failed\), \d+/s$" : @"^2 done \(0 ok, 2 failed\), \d+/s$", progress.StatusDescription);
            Assert.Equal(recipientsAsArray ? 100 : -1, progress.PercentComplete);
            Assert.Equal(recipientsAsArray ? 0 : -1, progress.SecondsRemaining);
            Assert.Equal(ProgressRecordType.Completed, shell.Streams.Progress[^1].RecordType);
        }
    }
}
