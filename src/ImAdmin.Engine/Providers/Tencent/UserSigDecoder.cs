using System;
using System.IO;
using System.Text.Json;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>The fields of a UserSig, as its JSON document states them.</summary>
    internal sealed class DecodedUserSig
    {
        public string Version { get; set; } = string.Empty;
        public string Identifier { get; set; } = string.Empty;
        public long SdkAppId { get; set; }

        /// <summary>TLS.time, Unix seconds.</summary>
        public long Time { get; set; }

        /// <summary>TLS.expire, seconds after <see cref="Time"/>.</summary>
        public long Expire { get; set; }

        /// <summary>TLS.sig: standard Base64 of the HMAC.</summary>
        public string Signature { get; set; } = string.Empty;

        /// <summary>TLS.userbuf (standard Base64), present only in TRTC-style sigs; it is signed too.</summary>
        public string? UserBuf { get; set; }

        public DateTimeOffset IssuedAt => DateTimeOffset.FromUnixTimeSeconds(Time);

        public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(Time + Expire);
    }

    /// <summary>Why a UserSig was accepted or not, in the Go reference's order of checks.</summary>
    internal enum UserSigStatus
    {
        Valid,
        Malformed,
        SdkAppIdMismatch,
        IdentifierMismatch,
        Expired,
        SignatureMismatch,
    }

    /// <summary>
    /// Reads UserSigs from any producer (JSON key order, spacing and zlib level differ between the C#, Python, Node and
    /// Go references) and checks them as the server does: SDKAppID, identifier, expiry, then the HMAC.
    /// </summary>
    internal static class UserSigDecoder
    {
        /// <summary>Decodes <paramref name="userSig"/>; throws <see cref="FormatException"/> when it is not a TLSSigAPIv2 UserSig.</summary>
        public static DecodedUserSig Decode(string userSig)
        {
            if (string.IsNullOrEmpty(userSig)) throw new FormatException("The UserSig is empty.");
            byte[] json;
            try
            {
                json = Zlib.Decompress(UserSig.DecodeBase64(userSig));
            }
            catch (InvalidDataException ex)
            {
                throw new FormatException("The UserSig is not zlib data: " + ex.Message, ex);
            }
            try
            {
                using var doc = JsonDocument.Parse(json);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object) throw new FormatException("The UserSig's JSON is not an object.");
                return new DecodedUserSig
                {
                    Version = String(root, "TLS.ver"),
                    Identifier = String(root, "TLS.identifier"),
                    SdkAppId = Number(root, "TLS.sdkappid"),
                    Time = Number(root, "TLS.time"),
                    Expire = Number(root, "TLS.expire"),
                    Signature = String(root, "TLS.sig"),
                    UserBuf = root.TryGetProperty("TLS.userbuf", out var buf) && buf.ValueKind == JsonValueKind.String ? buf.GetString() : null,
                };
            }
            catch (JsonException ex)
            {
                throw new FormatException("The UserSig's JSON cannot be parsed: " + ex.Message, ex);
            }
        }

        public static UserSigStatus Verify(string userSig, long sdkAppId, string key, string identifier, DateTimeOffset now)
        {
            DecodedUserSig sig;
            byte[] mac;
            try
            {
                sig = Decode(userSig);
                mac = Convert.FromBase64String(sig.Signature);
            }
            catch (FormatException)
            {
                return UserSigStatus.Malformed;
            }
            if (sig.SdkAppId != sdkAppId) return UserSigStatus.SdkAppIdMismatch;
            if (!string.Equals(sig.Identifier, identifier, StringComparison.Ordinal)) return UserSigStatus.IdentifierMismatch;
            if (now.ToUnixTimeSeconds() > sig.Time + sig.Expire) return UserSigStatus.Expired;
            var expected = UserSig.Hmac(key, UserSig.StringToSign(sig.Identifier, sig.SdkAppId, sig.Time, sig.Expire, sig.UserBuf));
            return FixedTimeEquals(expected, mac) ? UserSigStatus.Valid : UserSigStatus.SignatureMismatch;
        }

        private static string String(JsonElement root, string name) =>
            root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString()!
                : throw new FormatException($"The UserSig has no string field {name}.");

        private static long Number(JsonElement root, string name) =>
            root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)
                ? n
                : throw new FormatException($"The UserSig has no integer field {name}.");

        /// <summary>Compares MACs without an early exit, so timing does not reveal how much of a forged one matched.</summary>
        private static bool FixedTimeEquals(byte[] a, byte[] b)
        {
            if (a.Length != b.Length) return false;
            var diff = 0;
            for (var i = 0; i < a.Length; i++) diff |= a[i] ^ b[i];
            return diff == 0;
        }
    }
}
