using System.Management.Automation;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;

namespace ImAdmin.Bench.PowerShell;

/// <summary>
/// The binding ceiling, for the bench only (never in the module): the same pipeline-bindable parameters as
/// Send-ImMessage (parameter sets, aliases, the whole row) and no work, so `rows | Invoke-BenchNoOp` is the fastest a
/// binary cmdlet with that surface can take rows. Switches add one piece of Send-ImMessage's per-row path at a time,
/// which is how the per-row profile in docs/benchmarks.md was taken.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "BenchNoOp", SupportsShouldProcess = true, DefaultParameterSetName = "Text")]
public sealed class InvokeBenchNoOpCommand : PSCmdlet
{
    private MessageBatcher? _batcher;

    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("FromUid", "from_uid", "From_Account", "Sender")]
    public string? From { get; set; }

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("To", "To_Account", "Target", "Uid", "UserId", "channel_id")]
    public string[]? ChannelId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("channel_type")]
    public ChannelType ChannelType { get; set; } = ChannelType.Person;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("client_msg_no")]
    public string? ClientMsgNo { get; set; }

    [Parameter(ParameterSetName = "Text", Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Message", "Content")]
    public string? Text { get; set; }

    [Parameter(ParameterSetName = "Payload", Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public byte[]? Payload { get; set; }

    /// <summary>Also ask ShouldProcess per row with the same text Send-ImMessage builds.</summary>
    [Parameter]
    public SwitchParameter AskShouldProcess { get; set; }

    /// <summary>Also build the row's SendRequest and hand it to the batcher (no send).</summary>
    [Parameter]
    public SwitchParameter Batch { get; set; }

    protected override void BeginProcessing() => _batcher = new MessageBatcher(_ => 1000);

    protected override void ProcessRecord()
    {
        if (!AskShouldProcess && !Batch) return;
        foreach (var recipient in ChannelId ?? Array.Empty<string>())
        {
            var content = MessageContent.From(Text, Payload);
            if (AskShouldProcess && !ShouldProcess($"{ChannelType} {recipient}", $"Send '{Text}'" + (From == null ? string.Empty : $" from {From}"))) continue;
            if (Batch) _batcher!.Add(new SendRequest(From, recipient.Trim(), ChannelType, content) { Source = InputObject });
        }
    }
}
