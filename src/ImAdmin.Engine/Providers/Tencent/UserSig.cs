using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>
    /// TLSSigAPIv2 UserSigs (see docs/server-behaviour/tencent.md, 'UserSig'): HMAC-SHA256 over four "TLS.x:value" lines (time before expire), keyed by
    /// the UTF-8 bytes of the console key as typed; a JSON document carrying the MAC, zlib-compressed and Base64-encoded
    /// with Tencent's URL-safe alphabet (+ → *, / → -, = → _).
    /// </summary>
    internal static class UserSig
    {
        /// <summary>The longest lifetime the current docs allow (50 years).</summary>
        public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(50 * 365);

        // Relaxed escaping keeps '+' and '/' of the Base64 MAC as they are, as every reference producer writes them;
        // quotes, backslashes and control characters in an identifier are still escaped.
        private static readonly JsonWriterOptions JsonOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static string Generate(long sdkAppId, string key, string identifier, DateTimeOffset issuedAt, TimeSpan lifetime)
        {
            if (string.IsNullOrEmpty(identifier)) throw new ArgumentException("An identifier is required.", nameof(identifier));
            var expire = (long)lifetime.TotalSeconds;
            if (expire < 1 || lifetime > MaxLifetime) throw new ArgumentOutOfRangeException(nameof(lifetime), "The lifetime must be between 1 second and 50 years.");
            var time = issuedAt.ToUnixTimeSeconds();
            var sig = Convert.ToBase64String(Hmac(key, StringToSign(identifier, sdkAppId, time, expire, null)));
            return Encode(Zlib.Compress(Json(identifier, sdkAppId, time, expire, sig)));
        }

        /// <summary>The signed text: four LF-terminated lines, time before expire (the JSON has them the other way round).</summary>
        internal static string StringToSign(string identifier, long sdkAppId, long time, long expire, string? userBuf)
        {
            var text = new StringBuilder()
                .Append("TLS.identifier:").Append(identifier).Append('\n')
                .Append("TLS.sdkappid:").Append(sdkAppId.ToString(CultureInfo.InvariantCulture)).Append('\n')
                .Append("TLS.time:").Append(time.ToString(CultureInfo.InvariantCulture)).Append('\n')
                .Append("TLS.expire:").Append(expire.ToString(CultureInfo.InvariantCulture)).Append('\n');
            if (userBuf != null) text.Append("TLS.userbuf:").Append(userBuf).Append('\n');
            return text.ToString();
        }

        /// <summary>HMAC-SHA256 keyed by the key string's UTF-8 bytes: the console key looks like hex but is not decoded.</summary>
        internal static byte[] Hmac(string key, string stringToSign)
        {
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key));
            return hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign));
        }

        /// <summary>The JSON document in the C# reference's field order (ver, identifier, sdkappid, expire, time, sig), compact.</summary>
        internal static byte[] Json(string identifier, long sdkAppId, long time, long expire, string sig)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("TLS.ver", "2.0");
                writer.WriteString("TLS.identifier", identifier);
                writer.WriteNumber("TLS.sdkappid", sdkAppId);
                writer.WriteNumber("TLS.expire", expire);
                writer.WriteNumber("TLS.time", time);
                writer.WriteString("TLS.sig", sig);
                writer.WriteEndObject();
            }
            return buffer.ToArray();
        }

        internal static string Encode(byte[] compressed) =>
            Convert.ToBase64String(compressed).Replace('+', '*').Replace('/', '-').Replace('=', '_');

        /// <summary>Reverses <see cref="Encode"/>; throws <see cref="FormatException"/> for text outside the alphabet.</summary>
        internal static byte[] DecodeBase64(string userSig) =>
            Convert.FromBase64String(userSig.Replace('_', '=').Replace('-', '/').Replace('*', '+'));
    }
}
