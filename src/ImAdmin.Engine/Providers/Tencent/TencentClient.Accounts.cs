using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;

namespace ImAdmin.Engine.Providers.Tencent
{
    public sealed partial class TencentClient
    {
        /// <summary>multiaccount_import takes at most 100 accounts per call.</summary>
        private const int MaxImportAccounts = 100;

        /// <summary>
        /// Imports accounts with multiaccount_import, 100 per call (accounts must exist before they can send or receive).
        /// Returns the accounts the server could not import. Importing an existing account is not an error.
        /// </summary>
        public async Task<IReadOnlyList<string>> ImportAccountsAsync(IEnumerable<string> userIds, CancellationToken cancellationToken)
        {
            var failed = new List<string>();
            foreach (var chunk in Chunk(userIds.Select(ValidAccount), MaxImportAccounts))
            {
                // Re-importing is harmless, so lost answers may be retried.
                var body = await CallAsync("im_open_login_svc/multiaccount_import", new MultiAccountImportBody { Accounts = chunk },
                    RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                if (body.TryGetProperty("FailAccounts", out var fails) && fails.ValueKind == JsonValueKind.Array)
                    failed.AddRange(fails.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()!));
            }
            return failed;
        }

        /// <summary>A UserID as Tencent accepts it: not empty, at most 32 bytes of UTF-8 (see docs/server-behaviour/tencent.md, 'Accounts, presence and groups').</summary>
        internal static string ValidAccount(string? userId, string parameterName)
        {
            if (string.IsNullOrWhiteSpace(userId))
                throw new ImInputException(parameterName, $"-{parameterName} is empty; a Tencent Cloud IM UserID has 1 to 32 bytes.");
            if (System.Text.Encoding.UTF8.GetByteCount(userId) > 32)
                throw new ImInputException(parameterName, $"-{parameterName} '{userId}' is longer than 32 bytes, the limit of a Tencent Cloud IM UserID.");
            return userId!;
        }

        private static string ValidAccount(string? userId) => ValidAccount(userId, "UserId");
    }

    internal sealed class AccountItem
    {
        [JsonPropertyName("UserID")]
        public string UserId { get; set; } = string.Empty;
    }

    internal sealed class AccountCheckBody
    {
        [JsonPropertyName("CheckItem")]
        public AccountItem[] CheckItem { get; set; } = Array.Empty<AccountItem>();
    }

    internal sealed class MultiAccountImportBody
    {
        [JsonPropertyName("Accounts")]
        public string[] Accounts { get; set; } = Array.Empty<string>();
    }
}
