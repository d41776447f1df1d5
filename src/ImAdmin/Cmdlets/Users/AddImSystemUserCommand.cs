using System.Collections.Generic;
using System.Management.Automation;
using ImAdmin.Engine.Models;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Makes WuKongIM users system users, which may send to any channel without subscribing.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "ImSystemUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImSystemUser))]
    public sealed class AddImSystemUserCommand : SystemUserChangeCmdlet
    {
        protected override string Action => "Add as system user (may send to any channel)";


        protected override string ErrorId => "ImAdmin.AddSystemUserFailed";

        protected override void Send(IReadOnlyList<string> batch)
        {
            Run(ct => Client.AddSystemUsersAsync(batch, ct));
            WritePassThru(batch);
        }
    }
}
