using System.Management.Automation;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Completion;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// <para type="synopsis">Recalls (revokes) sent messages for everyone: WildfireChat messages, multicasts or broadcasts by id, Tencent Cloud IM C2C messages by MsgKey.</para>
    /// </summary>
    /// <remarks>
    /// The provider, not the parameter set, decides which identity is used: a send result or message carries both
    /// MessageId and MessageKey (one of them empty), and PowerShell would refuse the empty one in a set of its own.
    /// </remarks>
    [Cmdlet(VerbsSecurity.Revoke, "ImMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = MessageSet)]
    [OutputType(typeof(ImRevokeResult))]
    public sealed class RevokeImMessageCommand : ImSentMessageCmdlet
    {
        /// <summary>WildfireChat message ids (binds from Send-ImMessage -PassThru, Send-ImBroadcast -PassThru and Get-ImMessage output).</summary>
        [Parameter(ParameterSetName = MessageSet, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = MulticastSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = BroadcastSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        public long[]? MessageId { get; set; }

        /// <summary>The user recorded as having recalled the messages (WildfireChat). Default: admin.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Operator { get; set; } = Senders.Admin;

        /// <summary>Tencent Cloud IM MsgKeys of C2C messages (binds from Send-ImMessage -PassThru and Get-ImMessage output).</summary>
        [Parameter(ParameterSetName = MessageSet, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        public string[]? MessageKey { get; set; }

        /// <summary>The original sender of the Tencent Cloud IM messages. Omitted: the session's admin account (-Identifier).</summary>
        [Parameter(ParameterSetName = MessageSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FromUid", "from_uid", "From_Account", "Sender")]
        [AllowNull]
        public string? From { get; set; }

        /// <summary>The recipient of the Tencent Cloud IM messages.</summary>
        [Parameter(ParameterSetName = MessageSet, ValueFromPipelineByPropertyName = true)]
        [Alias("To", "To_Account", "Target", "Uid", "UserId", "channel_id")]
        [ArgumentCompleter(typeof(ChannelIdCompleter))]
        [AllowNull]
        public string? ChannelId { get; set; }

        /// <summary>Tencent Cloud IM group messages: their MsgSeq (binds from Send-ImMessage -PassThru and Get-ImMessage output of a group).</summary>
        [Parameter(ParameterSetName = MessageSet, ValueFromPipelineByPropertyName = true)]
        [Alias("MsgSeq")]
        [AllowNull]
        public long[]? MessageSequence { get; set; }

        /// <summary>Tencent Cloud IM: Group to recall group messages by -MessageSequence; Person (default) for one-to-one messages by -MessageKey.</summary>
        [Parameter(ParameterSetName = MessageSet, ValueFromPipelineByPropertyName = true)]
        [Alias("channel_type")]
        public ChannelType ChannelType { get; set; } = ChannelType.Person;

        protected override long[]? MessageIds => MessageId;

        protected override long[]? MessageSequences => MessageSequence;

        protected override ChannelType RecipientType => ChannelType;

        protected override string[]? MessageKeys => MessageKey;

        protected override string? FromUser => From;

        protected override string? Recipient => ChannelId;

        protected override void ProcessRecord() =>
            ForEachMessage<IMessageRevoker, ImRevokeResult>("Recall for everyone", "ImAdmin.RevokeMessageFailed",
                (client, message, ct) => client.RevokeAsync(message, Operator, ct), ReportAlreadyRevoked);

        private void ReportAlreadyRevoked(ImRevokeResult result)
        {
            if (result.AlreadyRevoked) WriteVerbose($"Message {result.MessageId?.ToString() ?? result.MessageKey} was already recalled.");
        }
    }
}
