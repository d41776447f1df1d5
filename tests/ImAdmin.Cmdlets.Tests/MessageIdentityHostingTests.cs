using System.Management.Automation;

namespace ImAdmin.Cmdlets.Tests;

/// <summary>
/// -Identity of Revoke-ImMessage hosted in-process against the sandbox's WildfireChat server: whole send results bind by
/// value, and a row that names no message fails alone, as its own error naming -Identity with the row as TargetObject.
/// </summary>
public sealed class MessageIdentityHostingTests : IClassFixture<HostedModule>
{
    private readonly HostedModule _module;

    public MessageIdentityHostingTests(HostedModule module) => _module = module;

    private int Recalls => _module.Sandbox.WildfireServer.Journal.Count("/admin/message/recall");

    private PowerShell Shell()
    {
        var shell = PowerShell.Create();
        shell.Runspace = _module.Runspace;
        return shell;
    }

    private IList<PSObject> SendToAdmin(params string[] texts)
    {
        using var send = Shell();
        send.AddScript("param($uri, $secret) if (-not (Get-ImSession -Name wfhosted -ErrorAction SilentlyContinue)) { " +
                "Connect-ImServer -Uri $uri -Secret (ConvertTo-SecureString $secret -AsPlainText -Force) -Name wfhosted | Out-Null }")
            .AddArgument(_module.Sandbox.WildfireServer.BaseUri.ToString()).AddArgument(_module.Sandbox.Options.WildfireSecret);
        send.Invoke();
        send.Commands.Clear();
        send.AddScript("param($texts) $texts | ForEach-Object { Send-ImMessage -ChannelId admin -Text $_ -Session wfhosted -PassThru }").AddArgument(texts);
        var sent = send.Invoke();
        Assert.False(send.HadErrors, string.Join("; ", send.Streams.Error));
        return sent;
    }

    [Fact]
    public void Send_results_piped_whole_are_recalled_one_call_each()
    {
        var sent = SendToAdmin("one", "two");
        var before = Recalls;

        using var revoke = Shell();
        revoke.AddCommand("Revoke-ImMessage").AddParameter("Session", "wfhosted").AddParameter("PassThru").AddParameter("Confirm", false);
        var revoked = revoke.Invoke(sent);

        Assert.False(revoke.HadErrors, string.Join("; ", revoke.Streams.Error));
        // Rows run concurrently (-ThrottleLimit), so the results may come back in any order.
        Assert.Equal(sent.Select(s => s.Properties["MessageId"].Value).OrderBy(id => id),
            revoked.Select(r => r.Properties["MessageId"].Value).OrderBy(id => id));
        Assert.Equal(before + 2, Recalls);
    }

    [Fact]
    public void A_row_that_names_no_message_fails_alone_naming_Identity_with_the_row_as_TargetObject()
    {
        var sent = SendToAdmin("keep going");
        var rows = _module.Run(p => p.AddCommand("ConvertFrom-Csv").AddParameter("InputObject",
            new[] { "MessageId,Note", ",empty", sent[0].Properties["MessageId"].Value + ",good" })).Output;
        var before = Recalls;

        using var revoke = Shell();
        revoke.AddCommand("Revoke-ImMessage").AddParameter("Session", "wfhosted").AddParameter("PassThru").AddParameter("Confirm", false);
        var revoked = revoke.Invoke(rows);

        var error = Assert.Single(revoke.Streams.Error);
        Assert.Same(rows[0], error.TargetObject);
        Assert.Contains("'Identity'", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("names no message", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("pipe Send-ImMessage -PassThru output", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(sent[0].Properties["MessageId"].Value, Assert.Single(revoked).Properties["MessageId"].Value);
        Assert.Equal(before + 1, Recalls);
    }
}
