using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Connections
{
    /// <summary>
    /// <para type="synopsis">Closes WuKongIM client connections at once, without a kick notice; the client reconnects.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ImConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ImConnectionReference), typeof(ImBulkSummary))]
    public sealed class RemoveImConnectionCommand : ConnectionActionCmdlet
    {
        protected override string Action => "Close the socket (the client reconnects)";

        protected override string ErrorId => "ImAdmin.RemoveConnectionFailed";

        protected override string Capability => "Remove-ImConnection (/conn/remove)";

        protected override Task CallAsync(IConnectionAdmin client, ImConnectionReference connection, CancellationToken cancellationToken) =>
            client.RemoveConnectionAsync(connection.UserId, connection.ConnectionId, connection.NodeId, cancellationToken);
    }
}
