using System;
using System.Diagnostics;
using System.Globalization;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Bulk
{
    /// <summary>
    /// Counts a bulk run's rows by outcome and says when a progress update is due (at most every
    /// <see cref="Interval"/>, so a fast run does not spend its time redrawing), with the rate and, when the number of
    /// rows is known, the time left. The clock is injectable for tests.
    /// </summary>
    public sealed class BulkProgress
    {
        /// <summary>Four updates a second at most.</summary>
        public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

        private readonly Func<TimeSpan> _clock;
        private readonly TimeSpan _start;
        private TimeSpan _lastReport;
        private int _doneAtLastReport;

        public BulkProgress(string command, Func<TimeSpan>? clock = null)
        {
            Command = command;
            if (clock == null)
            {
                var watch = Stopwatch.StartNew();
                clock = () => watch.Elapsed;
            }
            _clock = clock;
            _start = _lastReport = clock();
        }

        public string Command { get; }

        /// <summary>Rows expected in all, when known (rows given as one array); null for a pipeline of unknown length.</summary>
        public long? Total { get; set; }

        /// <summary>Rows read from the input so far, whatever became of them (refused, skipped, declined by -WhatIf included).</summary>
        public int Read { get; private set; }

        public int Sent { get; private set; }
        public int Failed { get; private set; }
        public int Skipped { get; private set; }
        public int Unknown { get; private set; }
        public int NotSent { get; private set; }

        public int Done => Sent + Failed + Skipped + Unknown;

        public TimeSpan Elapsed => _clock() - _start;

        public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Done / Elapsed.TotalSeconds : 0;

        /// <summary>Time left at the current rate, when the total is known and the rate is not zero.</summary>
        public TimeSpan? Remaining =>
            Total.HasValue && RowsPerSecond > 0 ? TimeSpan.FromSeconds(Math.Max(0, Total.Value - Done) / RowsPerSecond) : (TimeSpan?)null;

        /// <summary>Percent done, when the total is known.</summary>
        public int? Percent => Total is long t && t > 0 ? (int)Math.Min(100, Done * 100 / t) : (int?)null;

        public void AddRead(int rows = 1) => Read += rows;
        public void AddSent(int rows = 1) => Sent += rows;
        public void AddFailed(int rows = 1) => Failed += rows;
        public void AddSkipped(int rows = 1) => Skipped += rows;
        public void AddUnknown(int rows = 1) => Unknown += rows;
        public void AddNotSent(int rows = 1) => NotSent += rows;

        /// <summary>True when an update is due: rows were done since the last one, which is at least an interval old.</summary>
        public bool Due()
        {
            var now = _clock();
            if (now - _lastReport < Interval || Done == _doneAtLastReport) return false;
            _lastReport = now;
            _doneAtLastReport = Done;
            return true;
        }

        /// <summary>The progress line: rows done (of how many, when known) by outcome, and the rate.</summary>
        public string Status()
        {
            var text = string.Format(CultureInfo.InvariantCulture, "{0:N0}{1} done ({2:N0} ok, {3:N0} failed", Done,
                Total.HasValue ? string.Format(CultureInfo.InvariantCulture, " of {0:N0}", Total.Value) : string.Empty, Sent, Failed);
            if (Skipped > 0) text += string.Format(CultureInfo.InvariantCulture, ", {0:N0} skipped", Skipped);
            if (Unknown > 0) text += string.Format(CultureInfo.InvariantCulture, ", {0:N0} unknown", Unknown);
            return text + string.Format(CultureInfo.InvariantCulture, "), {0:N0}/s", RowsPerSecond);
        }

        public ImBulkSummary Summary(string? journal) => new ImBulkSummary
        {
            Command = Command,
            Sent = Sent,
            Failed = Failed,
            Skipped = Skipped,
            Unknown = Unknown,
            NotSent = NotSent,
            Elapsed = Elapsed,
            RowsPerSecond = Math.Round(RowsPerSecond, 1),
            Journal = journal,
        };
    }
}
