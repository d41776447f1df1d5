using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ImAdmin.Engine.Bulk;
using ImAdmin.Engine.Errors;

namespace ImAdmin.Base
{
    /// <summary>
    /// The wording of a bulk cmdlet's failures: per-row errors that name their row, and the closing warnings with the
    /// failures by reason. The rows themselves are counted once, by the run's <see cref="BulkProgress"/>.
    /// </summary>
    internal sealed class BulkReport
    {
        private readonly BulkProgress _counts;
        private readonly Dictionary<string, int> _reasons = new Dictionary<string, int>(StringComparer.Ordinal);

        public BulkReport(BulkProgress counts) => _counts = counts;

        /// <summary>Rows known not to be done: refused, failed, or not sent because the run stopped.</summary>
        private int Failed => _counts.Failed + _counts.NotSent;

        /// <summary>
        /// Notes the reason of a failed row and returns its error with a message that names <paramref name="row"/> (the
        /// recipient): an error of a whole failed batch says the same for every row, and the screen must say which rows
        /// failed.
        /// </summary>
        public ImException Failure(string row, ImException error)
        {
            if (!error.OutcomeUnknown)
            {
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

        /// <summary>The closing warning: how many rows failed, by reason, most frequent first; null when none failed.</summary>
        public string? Summary(string notDone)
        {
            if (Failed == 0) return null;
            var reasons = string.Join("; ", _reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => string.Format(CultureInfo.InvariantCulture, "{0:N0} × {1}", r.Value, r.Key)));
            return string.Format(CultureInfo.InvariantCulture,
                "{0:N0} of {1:N0} {2} ({3}); each has an error record whose TargetObject is its input row.", Failed, _counts.Read, notDone, reasons);
        }

        /// <summary>The closing warning for rows with an unknown outcome; null when there are none.</summary>
        public string? UnknownSummary() =>
            _counts.Unknown == 0
                ? null
                : string.Format(CultureInfo.InvariantCulture,
                    "{0:N0} of {1:N0} row(s) have an unknown outcome: the server may have acted although its answer was lost. " +
                    "Their error records (ImAdmin.*OutcomeUnknown) hold the rows; check them before sending any again (about_ImAdmin, \"Unknown outcomes\").",
                    _counts.Unknown, _counts.Read);

        private static string Reason(ImException error) =>
            error.ServerCode is { } code
                ? $"{error.Provider} error {code}" + (string.IsNullOrEmpty(error.ServerMessage) ? string.Empty : $" \"{error.ServerMessage}\"")
                : error.Kind == ImErrorKind.InvalidArgument ? "invalid input" : error.Kind.ToString();
    }
}
