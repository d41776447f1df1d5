using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ImAdmin.Engine.Bulk
{
    /// <summary>
    /// The identity of one input row in a journal: 128 bits of SHA-256 over the row's fields (the same row gives the
    /// same key on every run and every machine) and the row's occurrence number, so two identical rows in one input
    /// are two rows, and both are recognised again on a re-run over the same input.
    /// </summary>
    public readonly struct JournalKey : IEquatable<JournalKey>
    {
        // One hasher per thread: creating one per row cost more than the hashing.
        [ThreadStatic]
        private static SHA256? _sha;

        private readonly ulong _high;
        private readonly ulong _low;

        private JournalKey(ulong high, ulong low)
        {
            _high = high;
            _low = low;
        }

        /// <summary>The key of a row made of <paramref name="fields"/> (null fields count as absent, not as empty).</summary>
        public static JournalKey Of(params string?[] fields)
        {
            var text = new StringBuilder();
            foreach (var field in fields)
            {
                // Length-prefixed, so ("ab","c") and ("a","bc") differ.
                if (field == null) text.Append("-1:");
                else text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
            }
            var hash = (_sha ??= SHA256.Create()).ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
            return new JournalKey(BitConverter.ToUInt64(hash, 0), BitConverter.ToUInt64(hash, 8));
        }

        /// <summary>This key for the <paramref name="occurrence"/>-th time the same row appears (0 = the first).</summary>
        public JournalKey Nth(int occurrence) =>
            occurrence == 0 ? this : new JournalKey(_high, _low ^ (0x9E3779B97F4A7C15UL * (ulong)occurrence));

        public static bool TryParse(string text, out JournalKey key)
        {
            key = default;
            if (text.Length != 32) return false;
            if (!ulong.TryParse(text.Substring(0, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var high)) return false;
            if (!ulong.TryParse(text.Substring(16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var low)) return false;
            key = new JournalKey(high, low);
            return true;
        }

        public bool Equals(JournalKey other) => _high == other._high && _low == other._low;

        public override bool Equals(object? obj) => obj is JournalKey other && Equals(other);

        public override int GetHashCode() => unchecked((int)_low ^ (int)(_low >> 32) ^ (int)_high);

        public override string ToString() => _high.ToString("x16", CultureInfo.InvariantCulture) + _low.ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>Numbers repeated rows within one run, so identical rows get distinct keys that repeat on a re-run.</summary>
    public sealed class JournalKeyCounter
    {
        private readonly Dictionary<JournalKey, int> _seen = new Dictionary<JournalKey, int>();

        public JournalKey Next(JournalKey row)
        {
            _seen.TryGetValue(row, out var count);
            _seen[row] = count + 1;
            return row.Nth(count);
        }
    }
}
