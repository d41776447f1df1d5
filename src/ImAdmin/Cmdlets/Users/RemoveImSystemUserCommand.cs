using System.Collections.Generic;
using System.Management.Automation;
using ImAdmin.Engine.Models;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Takes system-user status away from WuKongIM users (they can then send only where subscribed).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ImSystemUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImSystemUser))]
    public sealed class RemoveImSystemUserCommand : SystemUserChangeCmdlet
    {
        protected override string Action => "Remove system-user status";


        protected override string ErrorId => "ImAdmin.RemoveSystemUserFailed";

        protected override void Send(IReadOnlyList<string> batch)
        {
            Run(ct => Client.RemoveSystemUsersAsync(batch, ct));
            WritePassThru(batch);
        }
    }
}
