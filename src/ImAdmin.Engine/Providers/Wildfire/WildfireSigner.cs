using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ImAdmin.Engine.Security;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>The three auth headers of one attempt. <see cref="ToString"/> never shows the sign.</summary>
    internal sealed class WildfireSignature
    {
        public WildfireSignature(string nonce, string timestamp, string sign)
        {
            Nonce = nonce;
            Timestamp = timestamp;
            Sign = sign;
        }

        public string Nonce { get; }
        public string Timestamp { get; }
        public string Sign { get; }

        public override string ToString() => $"nonce {Nonce}, timestamp {Timestamp}";
    }

    /// <summary>
    /// Signs admin API calls (see docs/server-behaviour/wildfire.md, 'Signing'): <c>sign</c> = lowercase hex SHA-1 of the UTF-8 string
    /// <c>nonce|secret|timestamp</c>, with a fresh random nonce and the current Unix time in milliseconds.
    /// Clock and nonce source are injectable so tests can reproduce a signature or an expired timestamp.
    /// </summary>
    internal sealed class WildfireSigner
    {
        private static readonly Random SharedRandom = new Random();

        private readonly ImSecret _secret;
        private readonly Func<DateTimeOffset> _clock;
        private readonly Func<int> _nonce;

        public WildfireSigner(ImSecret secret, Func<DateTimeOffset>? clock = null, Func<int>? nonce = null)
        {
            _secret = secret;
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
            _nonce = nonce ?? NextNonce;
        }

        /// <summary>A new nonce and timestamp and their sign, for one attempt.</summary>
        public WildfireSignature Next()
        {
            var nonce = _nonce().ToString(CultureInfo.InvariantCulture);
            var timestamp = _clock().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            return new WildfireSignature(nonce, timestamp, Sign(nonce, _secret.Reveal(), timestamp));
        }

        /// <summary>The server's own computation (DigestUtils.sha1Hex over the header values exactly as sent).</summary>
        public static string Sign(string nonce, string secret, string timestamp)
        {
            using var sha1 = SHA1.Create();
            var hash = sha1.ComputeHash(Encoding.UTF8.GetBytes(nonce + "|" + secret + "|" + timestamp));
            var hex = new StringBuilder(hash.Length * 2);
            foreach (var b in hash) hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            return hex.ToString();
        }

        // Both vendor SDKs send a small positive integer; the server only needs a non-empty value.
        private static int NextNonce()
        {
            lock (SharedRandom) return SharedRandom.Next(1, int.MaxValue);
        }
    }
}
