using System.Management.Automation;

namespace ImAdmin.Base
{
    /// <summary>
    /// A cmdlet whose parameters bind from pipeline rows by property name. It keeps the whole row, so that a failed
    /// row's error record points at it and <c>$failed.TargetObject | Same-Cmdlet</c> re-runs exactly the failed rows.
    /// </summary>
    public abstract class ImRowCmdlet : ImSessionCmdlet
    {
        /// <summary>The whole pipeline row (bound for you); failed rows' error records point at it.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>
        /// The row being processed: the pipeline object (the PSObject itself, since an Import-Csv row's columns live on
        /// the wrapper), or <paramref name="direct"/> when the parameters were given directly.
        /// </summary>
        protected object RowOr(object direct) => (object?)InputObject ?? direct;
    }
}
