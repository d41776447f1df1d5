using System.Management.Automation;

namespace ImAdmin.Base
{
    /// <summary>
    /// A cmdlet that makes one independent server call per pipeline row and has no domain base (Set-ImUserToken,
    /// Disconnect-ImDevice): -ThrottleLimit, -Journal and -Summary, and the <see cref="RowCalls"/> they configure.
    /// </summary>
    public abstract class ImBulkRowCmdlet : ImRowCmdlet, IBulkParameters
    {
        /// <inheritdoc cref="IBulkParameters.ThrottleLimit"/>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; }

        /// <inheritdoc cref="IBulkParameters.Journal"/>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Journal { get; set; }

        /// <inheritdoc cref="IBulkParameters.Summary"/>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <summary>The error id of a row whose call failed.</summary>
        protected abstract string ErrorId { get; }

        /// <summary>The calls of the rows (set in BeginProcessing).</summary>
        internal RowCalls Calls { get; private set; } = null!;

        /// <summary>Looks up what every row needs (the session's capability) before the first row.</summary>
        protected abstract void Prepare();

        protected override void BeginProcessing()
        {
            Prepare();
            Calls = new RowCalls(this, this, ErrorId);
        }

        protected override void EndProcessing() => Calls.Finish();
    }
}
