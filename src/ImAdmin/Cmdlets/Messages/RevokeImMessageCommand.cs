using System.Management.Automation;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Base;
using ImAdmin.Completion;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// <para type="synopsis">Recalls (revokes) sent messages for everyone: WildfireChat messages, multicasts or broadcasts by id, Tencent Cloud IM C2C messages by MsgKey.</para>
    /// </summary>
    /// <remarks>
    /// The provider, not the parameter set, decides which part of -Identity is used: a send result or message carries
    /// MessageId, MessageKey and MessageSequence, some of them empty.
    /// </remarks>
    [Cmdlet(VerbsSecurity.Revoke, "ImMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = MessageSet)]
    [OutputType(typeof(ImRevokeResult), typeof(ImBulkSummary))]
    public sealed class RevokeImMessageCommand : ImSentMessageCmdlet
    {
        /// <summary>
        /// The messages to recall: WildfireChat message ids, Tencent Cloud IM MsgKeys or group message sequences,
        /// Send-ImMessage -PassThru, Send-ImBroadcast -PassThru or Get-ImMessage output, or CSV rows with a MessageId,
        /// MessageKey or MessageSequence column. -MessageId, -MessageKey and -MessageSequence are its other names.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("MessageId", "MessageKey", "MessageSequence", "MsgSeq")]
        [ValidateNotNullOrEmpty]
        [ValidateMessageIdentity]
        public ImMessagePipeBind[] Identity { get; set; } = new ImMessagePipeBind[0];

        /// <summary>The user recorded as having recalled the messages (WildfireChat). Default: admin.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Operator { get; set; } = Senders.Admin;

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

        /// <summary>Tencent Cloud IM: Group to recall group messages by their sequence; Person (default) for one-to-one messages by MsgKey.</summary>
        [Parameter(ParameterSetName = MessageSet, ValueFromPipelineByPropertyName = true)]
        [Alias("channel_type")]
        public ChannelType ChannelType { get; set; } = ChannelType.Person;

        protected override ImMessagePipeBind[] Messages => Identity;

        protected override string ErrorId => "ImAdmin.RevokeMessageFailed";

        protected override ChannelType? RecipientType => ChannelType;

        protected override string? FromUser => From;

        protected override string? Recipient => ChannelId;

        protected override void ProcessRecord() =>
            ForEachMessage<IMessageRevoker, ImRevokeResult>("Recall for everyone",
                (client, message, ct) => client.RevokeAsync(message, Operator, ct), ReportAlreadyRevoked);

        private void ReportAlreadyRevoked(ImRevokeResult result)
        {
            if (result.AlreadyRevoked) WriteVerbose($"Message {result.MessageId?.ToString() ?? result.MessageKey} was already recalled.");
        }
    }
}
