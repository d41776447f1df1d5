using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ImAdmin.Cmdlets.Messages;
using ImAdmin.Sandbox;

namespace ImAdmin.Cmdlets.Tests;

/// <summary>
/// One runspace (Microsoft.PowerShell.SDK, no console host: nothing can prompt) with the module imported from this
/// build, connected to a sandbox started in this process on free loopback ports.
/// </summary>
public sealed class HostedModule : IAsyncLifetime, IDisposable
{
    public SandboxHost Sandbox { get; private set; } = null!;
    public Runspace Runspace { get; } = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());

    public async Task InitializeAsync()
    {
        Sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = true });
        Runspace.Open();
        Invoke(ps => ps.AddCommand("Import-Module").AddParameter("Assembly", typeof(SendImMessageCommand).Assembly));
        Invoke(ps => ps.AddScript("param($uri, $token) Connect-ImServer -Provider WuKongIM -Uri $uri -Name wk " +
                "-Token (ConvertTo-SecureString $token -AsPlainText -Force)")
            .AddArgument(Sandbox.WuKongServer.BaseUri.ToString()).AddArgument(Sandbox.Options.WuKongToken));
    }

    /// <summary>Runs a pipeline in the runspace; the PowerShell object keeps its error, progress and other streams.</summary>
    public (Collection<PSObject> Output, PowerShell Shell) Run(Action<PowerShell> build)
    {
        var ps = PowerShell.Create();
        ps.Runspace = Runspace;
        build(ps);
        return (ps.Invoke(), ps);
    }

    private void Invoke(Action<PowerShell> build)
    {
        var (_, ps) = Run(build);
        using (ps)
            if (ps.HadErrors) throw new InvalidOperationException(string.Join("; ", ps.Streams.Error));
    }

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();

    public void Dispose() => Runspace.Dispose();
}
