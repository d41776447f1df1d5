using System.Collections.Generic;
using System.Management.Automation;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>Add-ImSystemUser and Remove-ImSystemUser: ShouldProcess per user id, then one call per batch.</summary>
    public abstract class SystemUserChangeCmdlet : UserBatchCmdlet<ISystemUserAdmin>
    {
        /// <summary>Write a system-user object per changed id.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected abstract string Action { get; }

        protected override bool Accept(string userId) => ShouldProcess(userId, Action);

        protected void WritePassThru(IReadOnlyList<string> batch)
        {
            if (!PassThru) return;
            foreach (var id in batch) WriteObject(new ImSystemUser { UserId = id });
        }
    }
}
