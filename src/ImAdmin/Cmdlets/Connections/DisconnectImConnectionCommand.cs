using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Connections
{
    /// <summary>
    /// <para type="synopsis">Kicks WuKongIM client connections: the client is told it was kicked and does not reconnect.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ImConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImConnectionReference), typeof(ImBulkSummary))]
    public sealed class DisconnectImConnectionCommand : ConnectionActionCmdlet
    {
        protected override string Action => "Kick (the client is told it was kicked and does not reconnect)";

        protected override string ErrorId => "ImAdmin.KickConnectionFailed";

        protected override string Capability => "Disconnect-ImConnection (/conn/kick)";

        protected override Task CallAsync(IConnectionAdmin client, ImConnectionReference connection, CancellationToken cancellationToken) =>
            client.KickConnectionAsync(connection.UserId, connection.ConnectionId, connection.NodeId, cancellationToken);
    }
}
