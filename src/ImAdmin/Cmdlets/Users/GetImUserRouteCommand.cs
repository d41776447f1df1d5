using System.Collections.Generic;
using System.Management.Automation;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Gets the addresses WuKongIM clients connect to (TCP, WebSocket, secure WebSocket).</para>
    /// <para type="description">
    /// Without -UserId: the node's addresses (GET /route). With -UserId: one object per user (POST /route/batch);
    /// WuKongIM v2 gives every user the same addresses.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImUserRoute")]
    [OutputType(typeof(ImUserRoute))]
    public sealed class GetImUserRouteCommand : UserBatchCmdlet<IUserRouteReader>
    {
        /// <summary>The cluster-internal address (intranet.tcpAddr) instead of the public ones; only the TCP address is set.</summary>
        [Parameter]
        public SwitchParameter Intranet { get; set; }

        protected override bool UserIdRequired => false;


        protected override string ErrorId => "ImAdmin.GetUserRouteFailed";

        protected override void EndProcessing()
        {
            if (UsersGiven)
            {
                base.EndProcessing();
                return;
            }
            try
            {
                foreach (var route in Run(ct => Client.GetUserRoutesAsync(null, Intranet, ct))) WriteObject(route);
            }
            catch (ImException ex)
            {
                WriteItemError(ex, ErrorId, null);
            }
        }

        protected override void Send(IReadOnlyList<string> batch)
        {
            foreach (var route in Run(ct => Client.GetUserRoutesAsync(batch, Intranet, ct))) WriteObject(route);
        }
    }
}
