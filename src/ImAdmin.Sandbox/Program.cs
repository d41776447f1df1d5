using System.Diagnostics;
using ImAdmin.Sandbox;

// `dotnet run --project src/ImAdmin.Sandbox [-- options]`: runs the three provider servers until Ctrl+C,
// until --stop-after elapses, or until the --parent-pid process exits.
var options = SandboxCommandLine.Parse(args);
if (options == null) return 2;
await using var host = await SandboxHost.StartAsync(options);
Console.WriteLine(SandboxCommandLine.Banner(host));

var stopped = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopped.TrySetResult();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stopped.TrySetResult();
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
Console.WriteLine("ImAdmin sandbox stopped.");
return 0;
