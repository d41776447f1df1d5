using System.Management.Automation;
using ImAdmin.Engine.Messaging;

namespace ImAdmin.Bench.PowerShell;

/// <summary>
/// The per-row profile of docs/benchmarks.md, for the bench only: binds like <see cref="InvokeBenchNoOpCommand"/>, and
/// its switches add one piece of Send-ImMessage's per-row path at a time (no call is ever made).
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "BenchRowPath", SupportsShouldProcess = true, DefaultParameterSetName = "Text")]
public sealed class InvokeBenchRowPathCommand : BenchRowParameters
{
    private MessageBatcher? _batcher;

    /// <summary>Ask ShouldProcess per row with the same text Send-ImMessage builds.</summary>
    [Parameter]
    public SwitchParameter AskShouldProcess { get; set; }

    /// <summary>Also build the row's SendRequest and hand it to the batcher (no send).</summary>
    [Parameter]
    public SwitchParameter Batch { get; set; }

    protected override void BeginProcessing() => _batcher = new MessageBatcher(_ => 1000);

    protected override void ProcessRecord()
    {
        foreach (var recipient in ChannelId ?? Array.Empty<string>())
        {
            var content = MessageContent.From(Text, Payload);
            if (AskShouldProcess && !ShouldProcess($"{ChannelType} {recipient}", $"Send '{Text}'" + (From == null ? string.Empty : $" from {From}"))) continue;
            if (Batch) _batcher!.Add(new SendRequest(From, recipient.Trim(), ChannelType, content) { Source = InputObject });
        }
    }
}
