using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ImAdmin.Engine.Diagnostics
{
    /// <summary>
    /// Removes secrets from anything that is logged: query-string values (Tencent's usersig), auth headers
    /// (WuKongIM token, Wildfire sign) and JSON fields that carry tokens or keys (WuKongIM /user/token bodies).
    /// </summary>
    public static class Redactor
    {
        public const string Mask = "***";

        private static readonly string[] SecretNames =
        {
            "token", "usersig", "sig", "sign", "secret", "secretkey", "secret_key", "key", "password",
            "authorization", "cookie", "set-cookie",
        };

        private static readonly Regex JsonSecretField = new Regex(
            "(\"(?:" + string.Join("|", SecretNames.Select(Regex.Escape)) + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        public static bool IsSecretName(string name) =>
            SecretNames.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase);

        /// <summary>Path and query of <paramref name="uri"/> with every secret query value masked.</summary>
        public static string RedactPathAndQuery(Uri uri)
        {
            var path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];
            var query = uri.IsAbsoluteUri ? uri.Query : (uri.OriginalString.Contains("?") ? uri.OriginalString.Substring(uri.OriginalString.IndexOf('?')) : string.Empty);
            if (string.IsNullOrEmpty(query) || query == "?") return path;
            var parts = query.TrimStart('?').Split('&').Select(RedactQueryPart);
            return path + "?" + string.Join("&", parts);
        }

        /// <summary>A header value as it may be logged.</summary>
        public static string RedactHeader(string name, string value) => IsSecretName(name) ? Mask : value;

        /// <summary>A JSON (or other text) body with secret-named JSON string fields masked, cut to <paramref name="maxLength"/>.</summary>
        public static string RedactBody(string body, int maxLength = 2048)
        {
            var redacted = JsonSecretField.Replace(body, m => m.Groups[1].Value + "\"" + Mask + "\"");
            return redacted.Length <= maxLength ? redacted : redacted.Substring(0, maxLength) + "…(" + redacted.Length + " chars)";
        }

        private static string RedactQueryPart(string part)
        {
            var eq = part.IndexOf('=');
            if (eq < 0) return part;
            var name = Uri.UnescapeDataString(part.Substring(0, eq));
            return IsSecretName(name) ? part.Substring(0, eq + 1) + Mask : part;
        }
    }
}
