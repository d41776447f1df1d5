namespace ImAdmin.Sandbox.Tencent;

public sealed partial class TencentSandbox
{
    /// <summary>
    /// Checks the query string (names and values case-sensitive; see docs/server-behaviour/tencent.md, 'Requests') and the UserSig (see docs/server-behaviour/tencent.md, 'UserSig'), in the Go verifier's
    /// order: SDKAppID, identifier, expiry (against the sandbox clock), HMAC; then that the identifier is an app admin.
    /// Returns the identifier.
    /// </summary>
    private string Authenticate(string? queryString)
    {
        var query = ParseQuery(queryString);
        if (!query.TryGetValue("sdkappid", out var appText))
            throw new TencentApiException(60012, "sdkappid is missing from the URL");
        if (!long.TryParse(appText, out var sdkAppId))
            throw new TencentApiException(60006, "sdkappid is not a valid SDKAppID");
        if (sdkAppId != options.TencentSdkAppId)
            throw new TencentApiException(70020, "SDKAppID not found (check the data centre of the app)");
        if (!query.TryGetValue("identifier", out var identifier) || identifier.Length == 0)
            throw new TencentApiException(60004, "identifier is missing from the URL");
        if (!query.TryGetValue("usersig", out var userSig) || userSig.Length == 0)
            throw new TencentApiException(70002, "usersig is empty");
        if (!query.TryGetValue("random", out var random) || !uint.TryParse(random, out _))
            throw new TencentApiException(60002, "random must be an unsigned 32-bit integer");
        if (!query.TryGetValue("contenttype", out var contentType) || contentType != "json")
            throw new TencentApiException(60002, "contenttype must be json");

        var sig = SandboxUserSig.Read(userSig) ?? throw new TencentApiException(70003, "usersig is invalid and cannot be parsed");
        if (sig.SdkAppId != sdkAppId) throw new TencentApiException(70014, "the sdkappid in the URL does not match the usersig");
        if (sig.Identifier != identifier) throw new TencentApiException(70013, "the identifier in the URL does not match the usersig");
        if (options.Now().ToUnixTimeSeconds() > sig.Time + sig.Expire) throw new TencentApiException(70001, "usersig expired");
        if (!SandboxUserSig.HmacMatches(sig, options.TencentSecretKey)) throw new TencentApiException(70009, "usersig HMAC verification failed");
        if (!options.TencentAdmins.Contains(identifier, StringComparer.Ordinal))
            throw new TencentApiException(60010, "the identifier must be an app admin");
        return identifier;
    }

    /// <summary>Query parameters with case-sensitive names (ASP.NET's own parsing ignores case).</summary>
    private static Dictionary<string, string> ParseQuery(string? queryString)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in (queryString ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var name = Uri.UnescapeDataString(eq < 0 ? part : part[..eq]);
            result[name] = eq < 0 ? "" : Uri.UnescapeDataString(part[(eq + 1)..].Replace('+', ' '));
        }
        return result;
    }
}
