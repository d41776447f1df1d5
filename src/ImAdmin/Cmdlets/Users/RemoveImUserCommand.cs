using System.Collections.Generic;
using System.Management.Automation;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Deletes user accounts (Tencent Cloud IM account_delete, 100 per call).</para>
    /// <para type="description">
    /// Every id is confirmed first (ConfirmImpact High: PowerShell asks unless -Confirm:$false). Tencent Cloud IM answers
    /// per account; an id that was never imported (70107) is an ObjectNotFound error whose TargetObject is its row, and
    /// the other ids of the call are still deleted.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ImUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ImUser))]
    public sealed class RemoveImUserCommand : UserBatchCommand<IUserDirectory>
    {
        /// <summary>Write an object (Exists $false) for each deleted user.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string Capability => "Remove-ImUser (Tencent account_delete)";

        protected override string ErrorId => "ImAdmin.RemoveUserFailed";

        protected override bool Accept(string userId) => ShouldProcess(userId, "Delete the user account");

        protected override void Send(IReadOnlyList<string> batch)
        {
            var outcome = Run(ct => Client.RemoveUsersAsync(batch, ct));
            if (PassThru)
                foreach (var id in outcome.Items) WriteObject(new ImUser { UserId = id, Exists = false, Provider = ResolveSession().Provider });
            foreach (var failure in outcome.Failures) WriteItemError(failure.Error, ErrorId, RowOf(failure.Key));
        }
    }
}
