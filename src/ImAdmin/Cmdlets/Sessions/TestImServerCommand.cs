using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Completion;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Cmdlets.Sessions
{
    /// <summary>
    /// <para type="synopsis">Checks that a session's server answers and accepts its credentials.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "ImServer")]
    [OutputType(typeof(ImServerTestResult), typeof(bool))]
    public sealed class TestImServerCommand : ImSessionCmdlet
    {
        /// <summary>The session to test, or its name; `Get-ImSession | Test-ImServer` tests each piped session.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public override ImSession? Session { get; set; }

        /// <summary>Return only $true or $false.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            var result = Run(ct => session.TestAsync(ct));
            if (Quiet) WriteObject(result.Succeeded);
            else WriteObject(result);
        }
    }
}
