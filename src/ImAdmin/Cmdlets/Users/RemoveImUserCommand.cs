using System.Collections.Generic;
using System.Management.Automation;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Deletes user accounts (WildfireChat: destroys them: sessions closed, messages and friends cleared, groups left).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ImUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ImUser))]
    public sealed class RemoveImUserCommand : UserBatchCmdlet<IUserDirectory>
    {
        /// <summary>Write an object (Exists False) for each deleted user.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string ErrorId => "ImAdmin.RemoveUserFailed";

        protected override bool Accept(string userId) => ShouldProcess(userId, "Delete the user account");

        protected override void Send(IReadOnlyList<string> batch)
        {
            foreach (var result in Run(ct => Client.RemoveUsersAsync(batch, ct)))
            {
                if (!result.Succeeded) WriteResult(result, ErrorId, RowOf((string)result.Input));
                else if (PassThru) WriteObject(new ImUser { UserId = result.Value!, Exists = false, Provider = ResolveSession().Provider });
            }
        }
    }
}
