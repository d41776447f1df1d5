using System.Diagnostics;
using System.Runtime.InteropServices;
using ImAdmin.Sandbox;

// `dotnet run --project src/ImAdmin.Sandbox [-- options]`: runs the three provider servers until Ctrl+C,
// until --stop-after elapses, or until the --parent-pid process exits.
var options = SandboxCommandLine.Parse(args);
if (options == null) return 2;
await using var host = await SandboxHost.StartAsync(options);
Console.WriteLine(SandboxCommandLine.Banner(host));

var stopped = new TaskCompletionSource();
// SIGTERM (kill, CI, service managers), SIGINT (Ctrl+C) and SIGQUIT stop the sandbox promptly. Each ASP.NET host
// registers its own handler that cancels the default exit and only asks that host to stop, which this program does
// not wait on: without these registrations a `kill` left the process running.
var signals = new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT }
    .Select(signal => PosixSignalRegistration.Create(signal, context =>
    {
        context.Cancel = true;
        stopped.TrySetResult();
    }))
    .ToList();
if (options.StopAfter is { } stopAfter) _ = Task.Delay(stopAfter).ContinueWith(_ => stopped.TrySetResult());
if (options.ParentProcessId is { } parentId)
{
    _ = Task.Run(async () =>
    {
        try
        {
            using var parent = Process.GetProcessById(parentId);
            await parent.WaitForExitAsync();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        stopped.TrySetResult();
    });
}
if (options.ReadyFile != null)
{
    var temp = options.ReadyFile + ".tmp";
    await File.WriteAllTextAsync(temp, SandboxCommandLine.ReadyJson(host));
    File.Move(temp, options.ReadyFile, overwrite: true);
}

await stopped.Task;
signals.ForEach(s => s.Dispose());
Console.WriteLine("ImAdmin sandbox stopped.");
return 0;
