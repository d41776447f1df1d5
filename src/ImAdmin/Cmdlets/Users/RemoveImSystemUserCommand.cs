using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Takes system-user status away from WuKongIM users (they can then send only where subscribed).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ImSystemUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImSystemUser))]
    public sealed class RemoveImSystemUserCommand : UserBatchCmdlet<ISystemUserAdmin>
    {
        /// <summary>Write a system-user object per changed id.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string ErrorId => "ImAdmin.RemoveSystemUserFailed";

        protected override bool Accept(string userId) => ShouldProcess(userId, "Remove system-user status");

        protected override void Send(IReadOnlyList<string> batch)
        {
            Run(ct => Client.RemoveSystemUsersAsync(batch, ct));
            if (PassThru) WriteObject(batch.Select(id => new ImSystemUser { UserId = id }), enumerateCollection: true);
        }
    }
}
