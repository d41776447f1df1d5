using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Server
{
    /// <summary>
    /// <para type="synopsis">Gets the state of WuKongIM's v1-to-v2 data migration, with a note where the server's answer misleads.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImMigrationStatus")]
    [OutputType(typeof(ImMigrationStatus))]
    public sealed class GetImMigrationStatusCommand : ImSessionCmdlet
    {
        protected override void EndProcessing()
        {
            var client = RequireCapability<IMigrationStatusReader>();
            try
            {
                var status = Run(ct => client.GetMigrationStatusAsync(ct));
                if (status.HasError) WriteWarning(status.Note);
                WriteObject(status);
            }
            catch (ImException ex)
            {
                WriteItemError(ex, "ImAdmin.GetMigrationStatusFailed", null);
            }
        }
    }
}
