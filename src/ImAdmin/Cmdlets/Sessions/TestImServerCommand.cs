using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Models;

namespace ImAdmin.Cmdlets.Sessions
{
    /// <summary>
    /// <para type="synopsis">Checks that a session's server answers and accepts its credentials.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "ImServer")]
    [OutputType(typeof(ImServerTestResult), typeof(bool))]
    public sealed class TestImServerCommand : ImSessionCmdlet
    {
        /// <summary>Return only $true or $false.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void EndProcessing()
        {
            var session = ResolveSession();
            var result = Run(ct => session.TestAsync(ct));
            if (Quiet) WriteObject(result.Succeeded);
            else WriteObject(result);
        }
    }
}
