using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Server
{
    /// <summary>
    /// <para type="synopsis">Gets a node's status: WuKongIM version, uptime, connections, load, traffic and addresses; WildfireChat's connection count and who is online.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImServerStatus")]
    [OutputType(typeof(ImServerStatus))]
    public sealed class GetImServerStatusCommand : ImSessionCmdlet
    {
        /// <summary>The node to ask (default: the node the session talks to); the server forwards the request.</summary>
        [Parameter]
        public ulong? NodeId { get; set; }

        /// <summary>Add connections as TopConnections: WuKongIM the node's busiest (by inbound messages), WildfireChat the node's online clients in order.</summary>
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
                WriteItemError(ex, ex is ImInputException ? "ImAdmin.InvalidArgument" : "ImAdmin.GetServerStatusFailed", NodeId);
            }
        }
    }
}
