using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// <para type="synopsis">Deletes sent messages on the server for everyone: single messages, a multicast for some receivers, or a broadcast.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ImMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = MessageSet)]
    [OutputType(typeof(ImRemovedMessage), typeof(ImBulkSummary))]
    public sealed class RemoveImMessageCommand : ImSentMessageCmdlet
    {
        /// <summary>
        /// The messages to delete: message ids, Send-ImMessage -PassThru, Send-ImBroadcast -PassThru or Get-ImMessage output,
        /// or CSV rows with a MessageId column. -MessageId is its other name.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("MessageId")]
        [ValidateNotNullOrEmpty]
        [ValidateMessageIdentity]
        public ImMessagePipeBind[] Identity { get; set; } = new ImMessagePipeBind[0];

        /// <summary>The user recorded as having deleted a multicast or broadcast. Default: admin.</summary>
        [Parameter(ParameterSetName = MulticastSet)]
        [Parameter(ParameterSetName = BroadcastSet)]
        [ValidateNotNullOrEmpty]
        public string Operator { get; set; } = Senders.Admin;

        protected override ImMessagePipeBind[] Messages => Identity;

        protected override string ErrorId => "ImAdmin.RemoveMessageFailed";

        protected override void ProcessRecord() =>
            ForEachMessage<IMessageRemover, ImRemovedMessage>("Delete for everyone",
                (client, message, ct) => client.RemoveAsync(message, Operator, ct));
    }
}
