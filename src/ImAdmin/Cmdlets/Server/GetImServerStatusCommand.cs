using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Server
{
    /// <summary>
    /// <para type="synopsis">Gets a WuKongIM node's status: version, uptime, connections, load, traffic and addresses.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImServerStatus")]
    [OutputType(typeof(ImServerStatus))]
    public sealed class GetImServerStatusCommand : ImSessionCmdlet
    {
        /// <summary>The node to ask (default: the node the session talks to); the server forwards the request.</summary>
        [Parameter]
        public ulong? NodeId { get; set; }

        /// <summary>Add the node's busiest connections (by inbound messages) as TopConnections.</summary>
        [Parameter]
        public SwitchParameter IncludeConnections { get; set; }

        /// <summary>How many connections -IncludeConnections returns. Default 20; giving it implies -IncludeConnections.</summary>
        [Parameter]
        [ValidateRange(1, 100000)]
        public int ConnectionLimit { get; set; } = 20;

        protected override void EndProcessing()
        {
            var client = RequireCapability<IServerStatusReader>();
            var withConnections = IncludeConnections || MyInvocation.BoundParameters.ContainsKey(nameof(ConnectionLimit));
            try
            {
                WriteObject(Run(ct => client.GetServerStatusAsync(NodeId, withConnections ? ConnectionLimit : (int?)null, ct)));
            }
            catch (ImException ex)
            {
                WriteItemError(ex, "ImAdmin.GetServerStatusFailed", NodeId);
            }
        }
    }
}
