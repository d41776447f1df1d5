using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Makes WuKongIM users system users, which may send to any channel without subscribing.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "ImSystemUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImSystemUser))]
    public sealed class AddImSystemUserCommand : UserBatchCmdlet<ISystemUserAdmin>
    {
        /// <summary>Write a system-user object per changed id.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string ErrorId => "ImAdmin.AddSystemUserFailed";

        protected override bool Accept(string userId) => ShouldProcess(userId, "Add as system user (may send to any channel)");

        protected override void Send(IReadOnlyList<string> batch)
        {
            Run(ct => Client.AddSystemUsersAsync(batch, ct));
            if (PassThru) WriteObject(batch.Select(id => new ImSystemUser { UserId = id }), enumerateCollection: true);
        }
    }
}
