using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ImAdmin.Sandbox.Wildfire;

/// <summary>The auth headers one request carried and the code the check gave it.</summary>
public sealed record WildfireSignedRequest(string Path, string? Nonce, string? Timestamp, string? Sign, int Code);

/// <summary>
/// The signature half of <c>AdminAction.preAction</c> (see docs/server-behaviour/wildfire.md, 'Signing'), in its order: the exact URI
/// <c>/admin/health</c> passes unsigned; then nonce, timestamp and sign must all be present (239), the timestamp must be
/// an integer (239), not more than 2 hours in the past unless no_check_time (243; future timestamps pass), and the sign
/// must equal lowercase hex SHA-1 of <c>nonce|secret|timestamp</c> (244). Header names are looked up case-sensitively,
/// as written and capitalised only: <c>NONCE</c> is not found.
/// </summary>
internal sealed class WildfireSignatureCheck(SandboxOptions options)
{
    private const long MaxAgeMs = 2 * 60 * 60 * 1000;
    private readonly ConcurrentQueue<WildfireSignedRequest> _seen = new();

    public IReadOnlyList<WildfireSignedRequest> Seen => _seen.ToArray();

    public int Check(HttpRequest request)
    {
        if (request.Path.Value + request.QueryString.Value == "/admin/health") return WildfireCodes.Success;

        var nonce = Header(request, "nonce") ?? Header(request, "Nonce");
        var timestamp = Header(request, "timestamp") ?? Header(request, "Timestamp");
        var sign = Header(request, "sign") ?? Header(request, "Sign");
        var code = Verdict(nonce, timestamp, sign);
        _seen.Enqueue(new WildfireSignedRequest(request.Path.Value ?? "/", nonce, timestamp, sign, code));
        return code;
    }

    private int Verdict(string? nonce, string? timestamp, string? sign)
    {
        if (nonce == null || timestamp == null || sign == null) return WildfireCodes.ApiNotSigned;
        if (!long.TryParse(timestamp, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ts)) return WildfireCodes.ApiNotSigned;
        if (!options.WildfireNoCheckTime && options.Now().ToUnixTimeMilliseconds() - ts > MaxAgeMs) return WildfireCodes.SignExpired;
        var expected = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{nonce}|{options.WildfireSecret}|{timestamp}")));
        return string.Equals(expected, sign, StringComparison.Ordinal) ? WildfireCodes.Success : WildfireCodes.AuthFailure;
    }

    /// <summary>The value of the header named exactly <paramref name="name"/>, or null when absent or empty.</summary>
    private static string? Header(HttpRequest request, string name)
    {
        foreach (var header in request.Headers)
            if (string.Equals(header.Key, name, StringComparison.Ordinal))
                return string.IsNullOrEmpty(header.Value.ToString()) ? null : header.Value.ToString();
        return null;
    }
}
