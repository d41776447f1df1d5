using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Webhooks.Tencent
{
    /// <summary>
    /// The checks in docs/server-behaviour/tencent.md, 'Callbacks': SdkAppid is the caller's app; Sign = lower-hex SHA-256 of
    /// token + RequestTime, compared in constant time; RequestTime within the allowed clock skew (replay protection).
    /// </summary>
    internal static class TencentCallbackCheck
    {
        private const string RunbookHint = " A runbook started by an Azure Automation webhook never receives the query string, so it cannot check this.";

        /// <summary>False (with the reason in <paramref name="result"/>) when the callback must not be trusted.</summary>
        public static bool Verify(WebhookQuery query, WebhookParseOptions options, WebhookParseResult result)
        {
            var failure = CheckApp(query, options) ?? CheckSignature(query, options);
            if (failure == null) return true;
            result.Errors.Add(failure);
            return false;
        }

        private static ImWebhookException? CheckApp(WebhookQuery query, WebhookParseOptions options)
        {
            if (options.SdkAppId is not { } expected) return null;
            var given = query["SdkAppid"];
            if (given == null) return Fail(WebhookCheck.SdkAppId, $"SdkAppid is missing from the query string, so the callback cannot be shown to be for app {expected}." + RunbookHint);
            return given == expected.ToString(CultureInfo.InvariantCulture) ? null
                : Fail(WebhookCheck.SdkAppId, $"The callback is for SdkAppid {given}, not for -SdkAppId {expected}.");
        }

        private static ImWebhookException? CheckSignature(WebhookQuery query, WebhookParseOptions options)
        {
            if (options.CallbackToken == null) return null;
            var sign = query["Sign"];
            var requestTime = query["RequestTime"];
            if (string.IsNullOrEmpty(sign))
                return Fail(WebhookCheck.Signature, "Sign is missing from the query string, so the callback cannot be verified with -CallbackToken. Turn on callback authentication in the Tencent console, or pass the query with -Query." + RunbookHint);
            if (string.IsNullOrEmpty(requestTime) || !long.TryParse(requestTime, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                return Fail(WebhookCheck.RequestTime, $"RequestTime is {(string.IsNullOrEmpty(requestTime) ? "missing from the query string" : $"'{requestTime}', not a Unix time in seconds")}, so Sign cannot be checked.");
            if (!SignatureMatches(options.CallbackToken.Reveal(), requestTime!, sign!))
                return Fail(WebhookCheck.Signature, "Sign does not match -CallbackToken and RequestTime: the callback was not signed with the token set in the Tencent console (or was altered).");
            var sent = DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799));
            var now = options.Now();
            var skew = (now - sent).Duration();
            if (skew > options.MaxClockSkew)
                return Fail(WebhookCheck.RequestTime,
                    $"RequestTime {requestTime} ({sent:u}) is {Describe(skew)} {(sent < now ? "old" : "in the future")}; at most -MaxClockSkew {options.MaxClockSkew} is allowed. It is a replay, or a clock is wrong.");
            return null;
        }

        /// <summary>Compares lower-hex SHA-256(token + requestTime) with <paramref name="sign"/> in time independent of where they differ.</summary>
        internal static bool SignatureMatches(string token, string requestTime, string sign)
        {
            byte[] expected;
            using (var sha = SHA256.Create()) expected = sha.ComputeHash(Encoding.UTF8.GetBytes(token + requestTime));
            var given = FromHex(sign.Trim());
            var difference = given.Length ^ expected.Length;
            for (var i = 0; i < expected.Length; i++)
                difference |= expected[i] ^ (i < given.Length ? given[i] : 0);
            return difference == 0;
        }

        /// <summary>Hex (either case) to bytes; an empty array for anything that is not hex.</summary>
        private static byte[] FromHex(string hex)
        {
            if (hex.Length % 2 != 0) return Array.Empty<byte>();
            var bytes = new byte[hex.Length / 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                var high = Nibble(hex[2 * i]);
                var low = Nibble(hex[2 * i + 1]);
                if (high < 0 || low < 0) return Array.Empty<byte>();
                bytes[i] = (byte)(high << 4 | low);
            }
            return bytes;
        }

        private static int Nibble(char c) => c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

        private static string Describe(TimeSpan span) =>
            span.TotalDays >= 2 ? $"{(int)span.TotalDays} days" : span.TotalHours >= 2 ? $"{(int)span.TotalHours} hours" : $"{(int)span.TotalSeconds} s";

        private static ImWebhookException Fail(WebhookCheck check, string message) => new ImWebhookException(ImProvider.TencentCloud, check, message);
    }
}
