using System;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Base
{
    /// <summary>
    /// How a bulk run writes its item results (<see cref="ImCmdlet.WriteResult{T}"/>): each error worded for its row by
    /// the run's report, output only with -PassThru, and then for a failed item too, as an output row that says so.
    /// </summary>
    internal sealed class BulkResultWriting<T>
    {
        public BulkResultWriting(Func<ImException, ImException> wordError, bool passThru, Func<ItemResult<T>, T> failedOutput)
        {
            WordError = wordError;
            PassThru = passThru;
            FailedOutput = failedOutput;
        }

        /// <summary>The error as the run reports it (naming the row, counted by reason).</summary>
        public Func<ImException, ImException> WordError { get; }

        public bool PassThru { get; }

        /// <summary>The -PassThru row of an item that failed or whose outcome is unknown.</summary>
        public Func<ItemResult<T>, T> FailedOutput { get; }
    }
}
