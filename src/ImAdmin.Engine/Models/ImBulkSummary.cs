using System;

namespace ImAdmin.Engine.Models
{
    /// <summary>What one bulk run did with its rows (written once at the end with -Summary).</summary>
    public sealed class ImBulkSummary
    {
        /// <summary>The cmdlet that ran.</summary>
        public string Command { get; set; } = string.Empty;

        /// <summary>Rows the server accepted in this run.</summary>
        public int Sent { get; set; }

        /// <summary>Rows refused by the server or invalid (each has an error record).</summary>
        public int Failed { get; set; }

        /// <summary>Rows skipped because the journal records them as sent by an earlier run.</summary>
        public int Skipped { get; set; }

        /// <summary>Rows whose outcome is unknown (the answer was lost, now or in an earlier run): check them on the server.</summary>
        public int Unknown { get; set; }

        /// <summary>Rows read but never sent because the run was stopped.</summary>
        public int NotSent { get; set; }

        public TimeSpan Elapsed { get; set; }

        /// <summary>Rows handled per second over the run (sent, failed, skipped and unknown).</summary>
        public double RowsPerSecond { get; set; }

        /// <summary>The journal file, when the run kept one.</summary>
        public string? Journal { get; set; }

        public override string ToString() =>
            $"{Command}: {Sent} sent, {Failed} failed, {Skipped} skipped, {Unknown} unknown" + (NotSent > 0 ? $", {NotSent} not sent" : string.Empty);
    }
}
