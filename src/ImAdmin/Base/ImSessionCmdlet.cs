using System.Management.Automation;
using ImAdmin.Completion;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Base
{
    /// <summary>
    /// A cmdlet that talks to a server but takes no pipeline rows: adds -Session and falls back to the runspace's default
    /// session. Cmdlets that take rows derive from <see cref="ImRowCmdlet"/> instead.
    /// </summary>
    public abstract class ImSessionCmdlet : ImCmdlet
    {
        /// <summary>
        /// The session to use, or its name; defaults to the last one Connect-ImServer created in this runspace.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public virtual ImSession? Session { get; set; }

        protected override ImSession? RequestedSession => Session;
    }
}
