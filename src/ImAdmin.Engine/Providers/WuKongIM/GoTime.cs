using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>Reads Go's RFC 3339 timestamps, which carry up to nine fraction digits (.NET reads seven).</summary>
    internal static class GoTime
    {
        private static readonly Regex Fraction = new Regex(@"(\.\d{7})\d+", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        /// <summary>The time, or null for empty text, Go's zero time or unreadable text.</summary>
        public static DateTimeOffset? Parse(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var trimmed = Fraction.Replace(text!.Trim(), "$1");
            if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value)) return null;
            return value.Year <= 1 ? (DateTimeOffset?)null : value;
        }
    }
}
