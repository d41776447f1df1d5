using System.Management.Automation;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Wildfire;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// <para type="synopsis">Recalls (revokes) sent messages for everyone: single messages, a multicast for some receivers, or a broadcast.</para>
    /// </summary>
    [Cmdlet(VerbsSecurity.Revoke, "ImMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = MessageSet)]
    [OutputType(typeof(ImRevokeResult))]
    public sealed class RevokeImMessageCommand : ImSentMessageCmdlet
    {
        /// <summary>The user recorded as having recalled the messages. Default: admin.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Operator { get; set; } = WildfireClient.DefaultSender;

        protected override string Capability => "Revoke-ImMessage (message recall)";

        protected override void ProcessRecord() =>
            ForEachMessage("Recall for everyone", "ImAdmin.RevokeMessageFailed", (id, ct) => ParameterSetName switch
            {
                MulticastSet => Client.RecallMulticastAsync(id, Receiver, Operator, ct),
                BroadcastSet => Client.RecallBroadcastAsync(id, Operator, ct),
                _ => Client.RecallAsync(id, Operator, ct),
            }, (id, result) =>
            {
                if (result.AlreadyRevoked) WriteVerbose($"Message {id} was already recalled.");
            });
    }
}
