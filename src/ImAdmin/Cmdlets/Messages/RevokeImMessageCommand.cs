using System;
using System.Linq;
using System.Management.Automation;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Tencent;
using ImAdmin.Engine.Providers.Wildfire;
using ImAdmin.Engine.Sessions;

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
        public string Operator { get; set; } = WildfireClient.DefaultSender;

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

        protected override string Capability => "Revoke-ImMessage (message recall)";

        protected override void ProcessRecord()
        {
            if (ParameterSetName == MessageSet && ResolveSession().Provider == ImProvider.TencentCloud)
            {
                if (ChannelType == ChannelType.Group) RevokeBySequence();
                else RevokeByKey();
                return;
            }
            ForEachMessage("Recall for everyone", "ImAdmin.RevokeMessageFailed", (client, id, ct) => ParameterSetName switch
            {
                MulticastSet => client.RecallMulticastAsync(id, Receiver, Operator, ct),
                BroadcastSet => client.RecallBroadcastAsync(id, Operator, ct),
                _ => client.RecallAsync(id, Operator, ct),
            }, ReportAlreadyRevoked);
        }

        /// <summary>Tencent Cloud IM: admin_msgwithdraw per MsgKey; a failed key is the TargetObject of its error.</summary>
        private void RevokeByKey()
        {
            var client = RequireClient<TencentClient>(Capability);
            if (MessageKey == null || MessageKey.Length == 0)
            {
                WriteItemError(new ImInputException(nameof(MessageKey), "Tencent Cloud IM recalls by MsgKey: pass -MessageKey -From -ChannelId, or pipe Send-ImMessage -PassThru results or rows with MessageKey, From and To columns."), "ImAdmin.InvalidArgument", InputObject);
                return;
            }
            foreach (var key in MessageKey)
            {
                if (!ShouldProcess($"message {key} from '{(string.IsNullOrEmpty(From) ? "the admin account" : From)}' to '{ChannelId}' on '{Server}'", "Recall for everyone")) continue;
                try
                {
                    var result = Run(ct => client.WithdrawAsync(From, ChannelId ?? string.Empty, key, ct));
                    ReportAlreadyRevoked(result);
                    if (PassThru) WriteObject(result);
                }
                catch (ImException ex)
                {
                    WriteItemFailure(ex, ex is ImInputException ? "ImAdmin.InvalidArgument" : "ImAdmin.RevokeMessageFailed", key);
                }
            }
        }

        /// <summary>Tencent Cloud IM groups: group_msg_recall by MsgSeq (10 a call); a sequence not recalled is an error whose TargetObject is the row.</summary>
        private void RevokeBySequence()
        {
            var client = RequireClient<TencentClient>(Capability);
            var sequences = (MessageSequence ?? Array.Empty<long>()).Where(s => s != 0).ToList();
            if (sequences.Count == 0 || string.IsNullOrEmpty(ChannelId))
            {
                WriteItemError(new ImInputException(nameof(MessageSequence), "Tencent Cloud IM recalls a group message by its sequence: pass -ChannelType Group -ChannelId <GroupId> -MessageSequence <n>, or pipe Send-ImMessage -ChannelType Group -PassThru results."), "ImAdmin.InvalidArgument", InputObject);
                return;
            }
            sequences = sequences.Where(s => ShouldProcess($"message {s} of group '{ChannelId}' on '{Server}'", "Recall for everyone")).ToList();
            if (sequences.Count == 0) return;
            try
            {
                var outcome = Run(ct => client.RevokeGroupMessagesAsync(ChannelId!, sequences, ct));
                if (PassThru) foreach (var result in outcome.Items) WriteObject(result);
                foreach (var failure in outcome.Failures) WriteItemError(failure.Error, "ImAdmin.RevokeMessageFailed", RowOr(failure.Key));
            }
            catch (ImException ex)
            {
                WriteItemFailure(ex, "ImAdmin.RevokeMessageFailed", RowOr(ChannelId!));
            }
        }

        private void ReportAlreadyRevoked(ImRevokeResult result)
        {
            if (result.AlreadyRevoked) WriteVerbose($"Message {result.MessageId?.ToString() ?? result.MessageKey} was already recalled.");
        }
    }
}
