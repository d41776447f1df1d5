using System.Collections.Generic;
using System.Management.Automation;
using ImAdmin.Engine.Models;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>Add-ImSystemUser and Remove-ImSystemUser: ShouldProcess per user id, then one call per batch.</summary>
    public abstract class SystemUserChangeCommand : UserBatchCommand
    {
        /// <summary>The user ids to change.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "User", "Account", "Member_Account", "user_id")]
        [ValidateNotNullOrEmpty]
        public string[] UserId { get; set; } = new string[0];

        /// <summary>Write a system-user object per changed id.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected abstract string Action { get; }

        protected override void ProcessRecord()
        {
            foreach (var id in UserId)
                if (ShouldProcess(id, Action)) Queue(id);
        }

        protected void WritePassThru(IReadOnlyList<string> batch)
        {
            if (!PassThru) return;
            foreach (var id in batch) WriteObject(new ImSystemUser { UserId = id });
        }
    }
}
