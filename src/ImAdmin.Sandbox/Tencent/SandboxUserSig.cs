using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>The fields the server reads from a UserSig.</summary>
public sealed record SandboxUserSigFields(string Identifier, long SdkAppId, long Time, long Expire, string Sig, string? UserBuf);

/// <summary>
/// The sandbox's own UserSig reader (shares nothing with the engine): Tencent Base64 (* - _) → zlib (ZLibStream) →
/// JSON → HMAC-SHA256 keyed by the key string's UTF-8 bytes over the four signed lines (time before expire).
/// </summary>
public static class SandboxUserSig
{
    /// <summary>Null when the text is not a decodable TLSSigAPIv2 sig.</summary>
    public static SandboxUserSigFields? Read(string userSig)
    {
        try
        {
            var base64 = new StringBuilder(userSig).Replace('*', '+').Replace('-', '/').Replace('_', '=').ToString();
            using var zlib = new ZLibStream(new MemoryStream(Convert.FromBase64String(base64)), CompressionMode.Decompress);
            using var json = JsonDocument.Parse(zlib);
            var root = json.RootElement;
            return new SandboxUserSigFields(
                root.GetProperty("TLS.identifier").GetString()!,
                root.GetProperty("TLS.sdkappid").GetInt64(),
                root.GetProperty("TLS.time").GetInt64(),
                root.GetProperty("TLS.expire").GetInt64(),
                root.GetProperty("TLS.sig").GetString()!,
                root.TryGetProperty("TLS.userbuf", out var buf) ? buf.GetString() : null);
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    public static bool HmacMatches(SandboxUserSigFields sig, string key)
    {
        var signed = $"TLS.identifier:{sig.Identifier}\nTLS.sdkappid:{sig.SdkAppId}\nTLS.time:{sig.Time}\nTLS.expire:{sig.Expire}\n" +
                     (sig.UserBuf == null ? "" : $"TLS.userbuf:{sig.UserBuf}\n");
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(signed));
        byte[] given;
        try
        {
            given = Convert.FromBase64String(sig.Sig);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
