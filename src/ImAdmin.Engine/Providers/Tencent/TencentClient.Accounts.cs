using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>
    /// Accounts and their profiles (im_open_login_svc, profile): New-, Get-, Set- and Remove-ImUser. Ids the server
    /// would refuse (empty, over 32 bytes) and profile values over 500 bytes are per-user failures before anything is
    /// sent; the rest go in calls of at most 100 accounts.
    /// </summary>
    public sealed partial class TencentClient : IUserDirectory
    {
        /// <summary>multiaccount_import, account_check, account_delete and portrait_get take at most 100 accounts per call.</summary>
        public const int MaxAccountsPerCall = 100;

        /// <summary>A profile value (nick, image) holds at most 500 bytes (40601).</summary>
        public const int MaxProfileValueBytes = 500;

        private const string NickTag = "Tag_Profile_IM_Nick";
        private const string ImageTag = "Tag_Profile_IM_Image";
        private const int AccountNotFound = 70107;

        /// <summary>
        /// Imports accounts with multiaccount_import, 100 per call (accounts must exist before they can send or receive).
        /// Returns the accounts the server could not import. Importing an existing account is not an error.
        /// </summary>
        public async Task<IReadOnlyList<string>> ImportAccountsAsync(IEnumerable<string> userIds, CancellationToken cancellationToken)
        {
            var failed = new List<string>();
            foreach (var chunk in Chunk(userIds.Select(ValidAccount), MaxAccountsPerCall))
            {
                // Re-importing is harmless, so lost answers may be retried.
                var body = await CallAsync("im_open_login_svc/multiaccount_import", new MultiAccountImportBody { Accounts = chunk },
                    RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                if (body.TryGetProperty("FailAccounts", out var fails) && fails.ValueKind == JsonValueKind.Array)
                    failed.AddRange(fails.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()!));
            }
            return failed;
        }

        /// <summary>
        /// Ids only go through multiaccount_import (100 a call; FailAccounts are failures); a row with a display name or
        /// avatar through account_import, which sets the profile in the same call.
        /// </summary>
        public async Task<IReadOnlyList<ItemResult<ImUser>>> CreateUsersAsync(IReadOnlyList<UserInput> users, CancellationToken cancellationToken)
        {
            var results = new List<ItemResult<ImUser>>();
            var valid = Checked(users, u => u.UserId, (id, ex) => results.Add(ItemResult<ImUser>.Failure(id, ex)), CheckProfile);
            foreach (var chunk in Chunk(valid.Where(u => !u.HasProfile), MaxAccountsPerCall))
            {
                var ids = chunk.Select(u => u.UserId).ToArray();
                var answer = await CallAsync("im_open_login_svc/multiaccount_import", new MultiAccountImportBody { Accounts = ids }, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                var refused = new HashSet<string>(answer.TryGetProperty("FailAccounts", out var fails) && fails.ValueKind == JsonValueKind.Array
                    ? fails.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()!)
                    : Enumerable.Empty<string>(), StringComparer.Ordinal);
                foreach (var user in chunk)
                {
                    if (refused.Contains(user.UserId))
                        results.Add(ItemResult<ImUser>.Failure(user.UserId, ItemError(ImErrorKind.ServerError, $"Tencent Cloud IM multiaccount_import did not import user '{user.UserId}' (listed in FailAccounts).", "im_open_login_svc/multiaccount_import")));
                    else results.Add(ItemResult<ImUser>.Success(user.UserId, User(user)));
                }
            }
            foreach (var user in valid.Where(u => u.HasProfile))
            {
                try
                {
                    await CallAsync("im_open_login_svc/account_import", new AccountImportBody { UserId = user.UserId, Nick = user.DisplayName, FaceUrl = user.AvatarUri },
                        RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                    results.Add(ItemResult<ImUser>.Success(user.UserId, User(user)));
                }
                catch (ImException ex) when (!IsFatal(ex))
                {
                    results.Add(ItemResult<ImUser>.Failure(user.UserId, ex));
                }
            }
            return results;
        }

        /// <summary>account_check (100 a call) tells which exist; portrait_get (100 a call) reads their nick and image.</summary>
        public async Task<IReadOnlyList<ItemResult<ImUser>>> GetUsersAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
        {
            var results = new List<ItemResult<ImUser>>();
            var existing = new List<string>();
            foreach (var chunk in Chunk(Checked(userIds.Distinct(StringComparer.Ordinal), id => id, (id, ex) => results.Add(ItemResult<ImUser>.Failure(id, ex))), MaxAccountsPerCall))
            {
                var answer = await CallAsync("im_open_login_svc/account_check", new AccountCheckBody { CheckItem = chunk.Select(id => new AccountItem { UserId = id }).ToArray() },
                    RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                var items = ResultItems(answer, "UserID");
                foreach (var id in chunk)
                {
                    if (!items.TryGetValue(id, out var item))
                        results.Add(ItemResult<ImUser>.Failure(id, NoAnswer(id, "im_open_login_svc/account_check")));
                    else if (item.GetInt("ResultCode") is int code && code != 0)
                        results.Add(ItemResult<ImUser>.Failure(id, TencentResponse.ItemFailure(code, $"user '{id}'", "im_open_login_svc/account_check")));
                    else if (item.GetString("AccountStatus") != "Imported")
                        results.Add(ItemResult<ImUser>.Failure(id, NotFound(id, "im_open_login_svc/account_check")));
                    else existing.Add(id);
                }
            }

            foreach (var chunk in Chunk(existing, MaxAccountsPerCall))
            {
                var answer = await CallAsync("profile/portrait_get", new PortraitGetBody { ToAccount = chunk, TagList = new[] { NickTag, ImageTag } },
                    RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                var profiles = ResultItems(answer, "To_Account", "UserProfileItem");
                foreach (var id in chunk)
                {
                    if (!profiles.TryGetValue(id, out var item))
                        results.Add(ItemResult<ImUser>.Failure(id, NoAnswer(id, "profile/portrait_get")));
                    else if (item.GetInt("ResultCode") is int code && code != 0)
                        results.Add(ItemResult<ImUser>.Failure(id, TencentResponse.ItemFailure(code, $"user '{id}'", "profile/portrait_get")));
                    else results.Add(ItemResult<ImUser>.Success(id, FromProfile(id, item)));
                }
            }
            return results;
        }

        /// <summary>portrait_set, one call per user, with only the tags given.</summary>
        public async Task<IReadOnlyList<ItemResult<ImUser>>> SetUsersAsync(IReadOnlyList<UserInput> users, CancellationToken cancellationToken)
        {
            var results = new List<ItemResult<ImUser>>();
            foreach (var user in Checked(users, u => u.UserId, (id, ex) => results.Add(ItemResult<ImUser>.Failure(id, ex)), CheckProfileChange))
            {
                var tags = new List<ProfileItem>();
                if (user.DisplayName != null) tags.Add(new ProfileItem { Tag = NickTag, Value = user.DisplayName });
                if (user.AvatarUri != null) tags.Add(new ProfileItem { Tag = ImageTag, Value = user.AvatarUri });
                try
                {
                    await CallAsync("profile/portrait_set", new PortraitSetBody { FromAccount = user.UserId, ProfileItem = tags.ToArray() }, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                    results.Add(ItemResult<ImUser>.Success(user.UserId, User(user)));
                }
                catch (ImException ex) when (!IsFatal(ex))
                {
                    results.Add(ItemResult<ImUser>.Failure(user.UserId, ex));
                }
            }
            return results;
        }

        /// <summary>account_delete, 100 a call; every ResultItem is read (the envelope is OK when some ids failed).</summary>
        public async Task<IReadOnlyList<ItemResult<string>>> RemoveUsersAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
        {
            const string api = "im_open_login_svc/account_delete";
            var results = new List<ItemResult<string>>();
            foreach (var chunk in Chunk(Checked(userIds.Distinct(StringComparer.Ordinal), id => id, (id, ex) => results.Add(ItemResult<string>.Failure(id, ex))), MaxAccountsPerCall))
            {
                var answer = await CallAsync(api, new AccountDeleteBody { DeleteItem = chunk.Select(id => new AccountItem { UserId = id }).ToArray() },
                    RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                var items = ResultItems(answer, "UserID");
                foreach (var id in chunk)
                {
                    if (!items.TryGetValue(id, out var item)) results.Add(ItemResult<string>.Unknown(id, NoAnswer(id, api)));
                    else if (item.GetInt("ResultCode") is int code && code != 0)
                        results.Add(ItemResult<string>.Failure(id, code == AccountNotFound ? NotFound(id, api) : TencentResponse.ItemFailure(code, $"user '{id}'", api)));
                    else results.Add(ItemResult<string>.Success(id, id));
                }
            }
            return results;
        }

        /// <summary>A UserID as Tencent accepts it: not empty, at most 32 bytes of UTF-8 (see docs/server-behaviour/tencent.md, 'Accounts, presence and groups').</summary>
        internal static string ValidAccount(string? userId, string parameterName)
        {
            if (string.IsNullOrWhiteSpace(userId))
                throw new ImInputException(parameterName, $"-{parameterName} is empty; a Tencent Cloud IM UserID has 1 to 32 bytes.");
            if (Encoding.UTF8.GetByteCount(userId) > 32)
                throw new ImInputException(parameterName, $"-{parameterName} '{userId}' is longer than 32 bytes, the limit of a Tencent Cloud IM UserID.");
            return userId!;
        }

        private static string ValidAccount(string? userId) => ValidAccount(userId, "UserId");

        /// <summary>
        /// The items whose id (and, with <paramref name="problem"/>, other fields) the server would accept; the others
        /// become failures here, before anything is sent.
        /// </summary>
        private static List<T> Checked<T>(IEnumerable<T> items, Func<T, string> idOf, Action<string, ImException> fail, Func<T, ImInputException?>? problem = null)
        {
            var valid = new List<T>();
            foreach (var item in items)
            {
                var id = idOf(item);
                try
                {
                    ValidAccount(id);
                    var issue = problem?.Invoke(item);
                    if (issue != null) throw issue;
                    valid.Add(item);
                }
                catch (ImInputException ex)
                {
                    fail(id ?? string.Empty, ex);
                }
            }
            return valid;
        }

        /// <summary>Why the server would refuse the profile values (over 500 bytes), or null.</summary>
        private static ImInputException? CheckProfile(UserInput user)
        {
            foreach (var (name, value) in new[] { ("DisplayName", user.DisplayName), ("AvatarUri", user.AvatarUri) })
                if (value != null && Encoding.UTF8.GetByteCount(value) > MaxProfileValueBytes)
                    return new ImInputException(name, $"User '{user.UserId}': -{name} is longer than {MaxProfileValueBytes} bytes, the limit of a Tencent Cloud IM profile value.");
            return null;
        }

        private static ImInputException? CheckProfileChange(UserInput user) => user.HasProfile
            ? CheckProfile(user)
            : new ImInputException("DisplayName", $"User '{user.UserId}': nothing to change; give -DisplayName or -AvatarUri (or both).");

        /// <summary>An answer's per-account items (ResultItem by default) by account id.</summary>
        private static Dictionary<string, JsonElement> ResultItems(JsonElement answer, string idName, string listName = "ResultItem")
        {
            var items = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (answer.TryGetProperty(listName, out var list) && list.ValueKind == JsonValueKind.Array)
                foreach (var item in list.EnumerateArray())
                    if (item.GetString(idName) is string id) items[id] = item;
            return items;
        }

        private ImUser User(UserInput input) => new ImUser
        {
            Provider = ImProvider.TencentCloud, UserId = input.UserId, DisplayName = input.DisplayName, AvatarUri = input.AvatarUri, Exists = true,
        };

        /// <summary>A portrait_get item: a tag that was never set is missing, which means "not set" (null).</summary>
        private static ImUser FromProfile(string id, JsonElement item)
        {
            var user = new ImUser { Provider = ImProvider.TencentCloud, UserId = id, Exists = true };
            if (item.TryGetProperty("ProfileItem", out var tags) && tags.ValueKind == JsonValueKind.Array)
                foreach (var tag in tags.EnumerateArray())
                {
                    if (tag.GetString("Tag") == NickTag) user.DisplayName = tag.GetString("Value");
                    else if (tag.GetString("Tag") == ImageTag) user.AvatarUri = tag.GetString("Value");
                }
            return user;
        }

        private static ImException NotFound(string id, string api) =>
            ItemError(ImErrorKind.NotFound, $"User '{id}' does not exist on Tencent Cloud IM (never imported, or deleted). Create it with New-ImUser.", api);

        private static ImException NoAnswer(string id, string api) =>
            ItemError(ImErrorKind.Unknown, $"Tencent Cloud IM {api} returned no result for user '{id}'; its outcome is unknown.", api);

        private static ImException ItemError(ImErrorKind kind, string message, string api) =>
            new ImException(kind, message) { Provider = ImProvider.TencentCloud, Request = "POST /v4/" + api };

        /// <summary>Failures no later call can escape (credentials, an unreachable server): they end the run instead of one row.</summary>
        private static bool IsFatal(ImException ex) =>
            ex.Kind == ImErrorKind.Authentication || ex.Kind == ImErrorKind.ConnectionFailed && !ex.OutcomeUnknown;
    }
}
