using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using ImAdmin.Engine.Errors;

namespace ImAdmin.Base
{
    /// <summary>
    /// The bookkeeping of a bulk cmdlet: per-row errors that name their row, failure counts by reason for the closing
    /// warning, and a progress record with the rate (and percent and time left when the total is known).
    /// </summary>
    internal sealed class BulkReport
    {
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

        private readonly string _activity;
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();
        private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();
        private readonly Dictionary<string, int> _reasons = new Dictionary<string, int>(StringComparer.Ordinal);

        public BulkReport(string activity) => _activity = activity;

        /// <summary>How many rows there will be, when known before the first one (an array given as a parameter).</summary>
        public int? Total { get; set; }

        public int Rows { get; private set; }
        public int Succeeded { get; private set; }
        public int Failed { get; private set; }

        /// <summary>Rows whose call may have acted although its answer was lost: neither sent nor failed.</summary>
        public int Unknown { get; private set; }

        public void Row() => Rows++;

        public void Success() => Succeeded++;

        /// <summary>
        /// Counts a failed row and returns its error with a message that names <paramref name="row"/> (the recipient):
        /// an error of a whole failed batch says the same for every row, and the screen must say which rows failed.
        /// </summary>
        public ImException Failure(string row, ImException error)
        {
            if (error.OutcomeUnknown)
            {
                Unknown++;
            }
            else
            {
                Failed++;
                var reason = Reason(error);
                _reasons[reason] = _reasons.TryGetValue(reason, out var count) ? count + 1 : 1;
            }
            if (error.Message.IndexOf(row, StringComparison.Ordinal) >= 0) return error;
            var message = $"{row}: {error.Message}";
            if (error is ImInputException input) return new ImInputException(input.ParameterName ?? string.Empty, message);
            return new ImException(error.Kind, message, error)
            {
                Provider = error.Provider,
                HttpStatus = error.HttpStatus,
                ServerCode = error.ServerCode,
                ServerMessage = error.ServerMessage,
                Request = error.Request,
                ParameterName = error.ParameterName,
                OutcomeUnknown = error.OutcomeUnknown,
            };
        }

        /// <summary>The progress to show now; null when the last one is under half a second old (unless forced).</summary>
        public ProgressRecord? Progress(bool force = false)
        {
            if (!force && _sinceProgress.Elapsed < ProgressInterval) return null;
            _sinceProgress.Restart();
            var done = Succeeded + Failed + Unknown;
            var seconds = _elapsed.Elapsed.TotalSeconds;
            var rate = seconds > 0 ? done / seconds : 0;
            var status = string.Format(CultureInfo.InvariantCulture, "{0:N0}{1} done ({2:N0} ok, {3:N0} failed{4}), {5:N0}/s",
                done, Total.HasValue ? $" of {Total.Value:N0}" : string.Empty, Succeeded, Failed,
                Unknown > 0 ? string.Format(CultureInfo.InvariantCulture, ", {0:N0} unknown", Unknown) : string.Empty, rate);
            var record = new ProgressRecord(1, _activity, status);
            if (Total is { } total && total > 0)
            {
                record.PercentComplete = Math.Min(100, done * 100 / total);
                if (rate > 0) record.SecondsRemaining = (int)Math.Ceiling(Math.Max(0, total - done) / rate);
            }
            return record;
        }

        public ProgressRecord Completed() =>
            new ProgressRecord(1, _activity, "Done") { RecordType = ProgressRecordType.Completed };

        /// <summary>The closing warning: how many rows failed, by reason, most frequent first; null when none failed.</summary>
        public string? Summary(string notDone)
        {
            if (Failed == 0) return null;
            var reasons = string.Join("; ", _reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => string.Format(CultureInfo.InvariantCulture, "{0:N0} × {1}", r.Value, r.Key)));
            return string.Format(CultureInfo.InvariantCulture,
                "{0:N0} of {1:N0} {2} ({3}); each has an error record whose TargetObject is its input row.", Failed, Rows, notDone, reasons);
        }

        /// <summary>The closing warning for rows with an unknown outcome; null when there are none.</summary>
        public string? UnknownSummary() =>
            Unknown == 0
                ? null
                : string.Format(CultureInfo.InvariantCulture,
                    "{0:N0} of {1:N0} row(s) have an unknown outcome: the server may have acted although its answer was lost. " +
                    "Their error records (ImAdmin.*OutcomeUnknown) hold the rows; check them before sending any again (about_ImAdmin, \"Unknown outcomes\").",
                    Unknown, Rows);

        private static string Reason(ImException error) =>
            error.ServerCode is { } code
                ? $"{error.Provider} error {code}" + (string.IsNullOrEmpty(error.ServerMessage) ? string.Empty : $" \"{error.ServerMessage}\"")
                : error.Kind == ImErrorKind.InvalidArgument ? "invalid input" : error.Kind.ToString();
    }
}
