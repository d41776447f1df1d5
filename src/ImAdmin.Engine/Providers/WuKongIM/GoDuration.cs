using System;
using System.Globalization;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>
    /// Reads the duration strings WuKongIM reports: Go's time.Duration form ("1h2m3.5s", "350ms", "1.5µs") and the
    /// server's uptime form, which adds days and 365-day years ("1y2d3h4m5s").
    /// </summary>
    internal static class GoDuration
    {
        private static readonly (string Unit, decimal Ticks)[] Units =
        {
            // Longest first, so "ms" is not read as "m" followed by garbage.
            ("ns", 0.01m), ("us", 10m), ("\u00b5s", 10m), ("\u03bcs", 10m), ("ms", TimeSpan.TicksPerMillisecond),
            ("s", TimeSpan.TicksPerSecond), ("m", TimeSpan.TicksPerMinute), ("h", TimeSpan.TicksPerHour),
            ("d", TimeSpan.TicksPerDay), ("y", 365m * TimeSpan.TicksPerDay),
        };

        /// <summary>The duration, or null for empty or unreadable text.</summary>
        public static TimeSpan? Parse(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var s = text!.Trim();
            var i = 0;
            var negative = false;
            if (s[0] == '-' || s[0] == '+')
            {
                negative = s[0] == '-';
                i++;
            }
            if (s.Substring(i) == "0") return TimeSpan.Zero;

            decimal ticks = 0;
            var parts = 0;
            while (i < s.Length)
            {
                var start = i;
                while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.')) i++;
                if (i == start || !decimal.TryParse(s.Substring(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                    return null;
                var unit = Array.Find(Units, u => string.CompareOrdinal(s, i, u.Unit, 0, u.Unit.Length) == 0);
                if (unit.Unit == null) return null;
                i += unit.Unit.Length;
                ticks += value * unit.Ticks;
                parts++;
                if (ticks > TimeSpan.MaxValue.Ticks) return null;
            }
            if (parts == 0) return null;
            var rounded = (long)decimal.Round(ticks, MidpointRounding.AwayFromZero);
            return TimeSpan.FromTicks(negative ? -rounded : rounded);
        }
    }
}
