using System.Management.Automation;

namespace ImAdmin.Base
{
    /// <summary>
    /// -ThrottleLimit, -Journal and -Summary of a bulk cmdlet. PowerShell binds only properties of the cmdlet's class
    /// chain, and a bulk base cannot sit below every domain base within four levels of PSCmdlet, so each bulk base
    /// declares the three properties (with the same attributes) and implements this interface; what they mean
    /// (defaults, limits, opening the journal, the summary) is read from here by <see cref="BulkRun"/> alone.
    /// </summary>
    internal interface IBulkParameters
    {
        /// <summary>Server calls in flight at once (default per provider: 8, Tencent Cloud IM 16).</summary>
        int ThrottleLimit { get; }

        /// <summary>A file recording each row's outcome: a re-run with the same file skips rows already done and reports rows whose outcome is unknown instead of repeating them.</summary>
        string? Journal { get; }

        /// <summary>Write one summary object at the end (done, failed, skipped, unknown).</summary>
        SwitchParameter Summary { get; }
    }
}
