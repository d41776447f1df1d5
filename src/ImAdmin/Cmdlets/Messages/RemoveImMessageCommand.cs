using System.Management.Automation;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// <para type="synopsis">Deletes sent messages on the server for everyone: single messages, a multicast for some receivers, or a broadcast.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ImMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = MessageSet)]
    [OutputType(typeof(ImRemovedMessage))]
    public sealed class RemoveImMessageCommand : ImSentMessageCmdlet
    {
        /// <summary>The server message ids to delete (binds from Send-ImMessage -PassThru, Send-ImBroadcast -PassThru and Get-ImMessage output).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] MessageId { get; set; } = new long[0];

        /// <summary>The user recorded as having deleted a multicast or broadcast. Default: admin.</summary>
        [Parameter(ParameterSetName = MulticastSet)]
        [Parameter(ParameterSetName = BroadcastSet)]
        [ValidateNotNullOrEmpty]
        public string Operator { get; set; } = Senders.Admin;

        protected override long[]? MessageIds => MessageId;

        protected override void ProcessRecord() =>
            ForEachMessage<IMessageRemover, ImRemovedMessage>("Delete for everyone", "ImAdmin.RemoveMessageFailed",
                (client, message, ct) => client.RemoveAsync(message, Operator, ct));
    }
}
