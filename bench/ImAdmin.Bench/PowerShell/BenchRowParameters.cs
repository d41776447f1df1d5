using System.Management.Automation;
using ImAdmin.Engine.Models;

namespace ImAdmin.Bench.PowerShell;

/// <summary>
/// Send-ImMessage's pipeline-bindable surface, for the bench's own cmdlets (never in the module): the same parameter
/// sets, aliases, validation and whole-row InputObject, so that rows bind to them as they bind to Send-ImMessage.
/// The message options that bind from CSV columns are here too; their transformation attributes are not (they run
/// only on a column that holds a value, and the bench's rows have none).
/// </summary>
public abstract class BenchRowParameters : PSCmdlet
{
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("FromUid", "from_uid", "From_Account", "Sender")]
    [ValidateNotNullOrEmpty]
    public string? From { get; set; }

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("To", "To_Account", "Target", "Uid", "UserId", "channel_id")]
    public string[]? ChannelId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("channel_type")]
    public ChannelType ChannelType { get; set; } = ChannelType.Person;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("client_msg_no")]
    [ValidateNotNullOrEmpty]
    public string? ClientMsgNo { get; set; }

    [Parameter(ParameterSetName = "Text", Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Message", "Content")]
    [ValidateNotNullOrEmpty]
    public string? Text { get; set; }

    [Parameter(ParameterSetName = "Payload", Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public byte[]? Payload { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? PushTitle { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("PushDesc", "pushContent")]
    public string? PushText { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("PushExt")]
    public string? PushData { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Mentions")]
    public string[]? Mention { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter MentionAll { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("MsgLifeTime")]
    public TimeSpan? Lifetime { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("CloudCustomData")]
    public string? Extra { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter NoSyncToSender { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter SkipCallback { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter RequestReadReceipt { get; set; }
}
