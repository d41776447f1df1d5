using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>
    /// Users (/admin/user/*; docs/server-behaviour/wildfire-users-groups.md). create replaces a whole row, so an existing
    /// user is changed with update and its flag bits instead, and fields nobody asked to change survive a re-run.
    /// </summary>
    public sealed partial class WildfireClient : IUserDirectory, IUserStatusWriter, IUserLister
    {
        /// <summary>Ids per batch_get_infos call; the server has no cap, this keeps one answer small.</summary>
        public const int UserBatchSize = 100;

        /// <summary>
        /// Up to this many users, each status is read with check_block_status; above it one get_blocked_list call (every
        /// non-zero status) is cheaper than a call per user.
        /// </summary>
        public const int StatusCallsPerUserUpTo = 10;

        /// <summary>New-ImUser: each user is created, or an existing one gets the display name and avatar given (re-runnable).</summary>
        public Task<IReadOnlyList<ItemResult<ImUser>>> CreateUsersAsync(IReadOnlyList<UserInput> users, CancellationToken cancellationToken) =>
            EachAsync(users, u => u.UserId, (u, ct) => SaveUserAsync(u.UserId, u.DisplayName, u.AvatarUri, ct), cancellationToken);

        /// <summary>Set-ImUser: the given fields of each existing user change (update with exactly their flag bits).</summary>
        public Task<IReadOnlyList<ItemResult<ImUser>>> SetUsersAsync(IReadOnlyList<UserInput> users, CancellationToken cancellationToken) =>
            EachAsync(users, u => u.UserId, async (u, ct) =>
            {
                await SetUserAsync(u.UserId, u.DisplayName, u.AvatarUri, null, ct).ConfigureAwait(false);
                return new ImUser { UserId = u.UserId, DisplayName = u.DisplayName, AvatarUri = u.AvatarUri, Exists = true, Provider = Provider };
            }, cancellationToken);

        /// <summary>Remove-ImUser: each user is destroyed; an unknown id is a NotFound failure.</summary>
        public Task<IReadOnlyList<ItemResult<string>>> RemoveUsersAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken) =>
            EachAsync(userIds, id => id, async (id, ct) =>
            {
                await RemoveUserAsync(id, ct).ConfigureAwait(false);
                return id;
            }, cancellationToken);

        /// <summary>Set-ImUser -Status through update_block_status; an unknown user is NotFound.</summary>
        public Task SetUserStatusAsync(string userId, UserStatus status, CancellationToken cancellationToken) =>
            SetUserAsync(userId, null, null, status, cancellationToken);

        /// <summary>
        /// One call chain per item: an answer about the item (the server's code: not found, name taken, value too long)
        /// is that item's failure; a failure of the call itself (credentials, throttling, transport) stops the batch.
        /// </summary>
        private static async Task<IReadOnlyList<ItemResult<TResult>>> EachAsync<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, string> keyOf,
            Func<TItem, CancellationToken, Task<TResult>> apply, CancellationToken cancellationToken)
        {
            var results = new List<ItemResult<TResult>>();
            foreach (var item in items)
            {
                try
                {
                    results.Add(ItemResult<TResult>.Success(keyOf(item), await apply(item, cancellationToken).ConfigureAwait(false)));
                }
                catch (ImException ex) when (ex.Kind == ImErrorKind.NotFound || (ex.ServerCode != null && ex.Kind != ImErrorKind.Authentication && ex.Kind != ImErrorKind.RateLimited))
                {
                    results.Add(ItemResult<TResult>.Of(keyOf(item), ex));
                }
            }
            return results;
        }

        /// <summary>
        /// Creates the user, or changes the display name and avatar of an existing one (New-ImUser is re-runnable).
        /// A new user's login name is its id, so two people with the same display name never clash.
        /// </summary>
        private async Task<ImUser> SaveUserAsync(string userId, string? displayName, string? avatarUri, CancellationToken cancellationToken)
        {
            var existing = await FindUserAsync(userId, cancellationToken).ConfigureAwait(false);
            if (existing == null)
            {
                await CallAsync("/admin/user/create", new CreateUserBody(userId, displayName, avatarUri), RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                return await FindUserAsync(userId, cancellationToken).ConfigureAwait(false)
                    ?? throw new ImException(ImErrorKind.ServerError, $"WildfireChat accepted user '{userId}' but does not find it.") { Provider = Provider };
            }
            if (displayName == null && avatarUri == null) return existing;
            await UpdateUserAsync(userId, displayName, avatarUri, cancellationToken).ConfigureAwait(false);
            existing.DisplayName = displayName ?? existing.DisplayName;
            existing.AvatarUri = avatarUri ?? existing.AvatarUri;
            return existing;
        }

        /// <summary>
        /// Changes the given fields and the block status (-Status) of an existing user. An unknown user is NotFound, also
        /// when only the status is given (update_block_status alone would store a status for nobody).
        /// </summary>
        private async Task SetUserAsync(string userId, string? displayName, string? avatarUri, UserStatus? status, CancellationToken cancellationToken)
        {
            if (displayName != null || avatarUri != null)
                await UpdateUserAsync(userId, displayName, avatarUri, cancellationToken).ConfigureAwait(false);
            else if (await FindUserAsync(userId, cancellationToken).ConfigureAwait(false) == null)
                throw UserNotFound(userId);
            if (status != null)
                await CallAsync("/admin/user/update_block_status", new BlockStatusBody(userId, (int)status.Value), RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Destroys the user: sessions closed, messages and friends cleared, groups left, the id free to create again.
        /// The server answers success for any id, so an unknown one is checked first and reported as NotFound.
        /// </summary>
        private async Task RemoveUserAsync(string userId, CancellationToken cancellationToken)
        {
            if (await FindUserAsync(userId, cancellationToken).ConfigureAwait(false) == null) throw UserNotFound(userId);
            await CallAsync("/admin/user/destroy", new UserIdBody(userId), RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Users by id with their block status (check_block_status per user, or one get_blocked_list for more than
        /// <see cref="StatusCallsPerUserUpTo"/> users). batch_get_infos (100 ids a call) skips unknown
        /// ids silently and returns destroyed users as if they lived, so a row that looks destroyed is asked again with
        /// get_info; a server without batch_get_infos (older community builds) is asked one id at a time.
        /// </summary>
        public async Task<IReadOnlyList<ItemResult<ImUser>>> GetUsersAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
        {
            var found = new Dictionary<string, ImUser>(StringComparer.Ordinal);
            foreach (var chunk in userIds.Distinct(StringComparer.Ordinal).Select((id, i) => (id, i)).GroupBy(p => p.i / UserBatchSize, p => p.id))
            {
                var ids = chunk.ToList();
                foreach (var user in await BatchUsersAsync(ids, cancellationToken).ConfigureAwait(false)) found[user.UserId] = user;
            }
            var blocked = found.Count > StatusCallsPerUserUpTo ? await GetBlockedAsync(cancellationToken).ConfigureAwait(false) : null;
            var results = new List<ItemResult<ImUser>>();
            foreach (var id in userIds.Distinct(StringComparer.Ordinal))
            {
                if (!found.TryGetValue(id, out var user))
                {
                    results.Add(ItemResult<ImUser>.Failure(id, UserNotFound(id)));
                    continue;
                }
                user.Status = blocked == null ? await GetUserStatusAsync(id, cancellationToken).ConfigureAwait(false)
                    : blocked.TryGetValue(id, out var status) ? status : UserStatus.Normal;
                results.Add(ItemResult<ImUser>.Success(id, user));
            }
            return results;
        }

        /// <summary>
        /// Every user, lazily, through user/all in the server's creation order, starting after <paramref name="skip"/>
        /// users; statuses come from one get_blocked_list call. Users created while paging shift later pages.
        /// </summary>
        public async IAsyncEnumerable<ImUser> ListUsersAsync(long skip, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (pageSize < 1) throw new ImInputException("PageSize", "-PageSize must be at least 1.");
            var blocked = await GetBlockedAsync(cancellationToken).ConfigureAwait(false);
            for (var offset = skip; ; offset += pageSize)
            {
                var page = await CallAsync("/admin/user/all", new UserPageBody(pageSize, offset), RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                var rows = page.TryGetProperty("userInfoList", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : new List<JsonElement>();
                foreach (var row in rows)
                {
                    var user = ToUser(row);
                    user.Status = blocked.TryGetValue(user.UserId, out var status) ? status : UserStatus.Normal;
                    yield return user;
                }
                if (rows.Count < pageSize) yield break;
            }
        }

        /// <summary>The user's block status (check_block_status answers 0 for anyone it has no entry for).</summary>
        public async Task<UserStatus> GetUserStatusAsync(string userId, CancellationToken cancellationToken)
        {
            var result = await CallAsync("/admin/user/check_block_status", new UserIdBody(userId), RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            return (UserStatus)(result.GetInt("status") ?? 0);
        }

        private async Task<Dictionary<string, UserStatus>> GetBlockedAsync(CancellationToken cancellationToken)
        {
            var result = await CallAsync("/admin/user/get_blocked_list", new { }, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            var blocked = new Dictionary<string, UserStatus>(StringComparer.Ordinal);
            if (result.TryGetProperty("statusList", out var list) && list.ValueKind == JsonValueKind.Array)
                foreach (var entry in list.EnumerateArray())
                    if (entry.GetString("userId") is string id) blocked[id] = (UserStatus)(entry.GetInt("status") ?? 0);
            return blocked;
        }

        private async Task<IReadOnlyList<ImUser>> BatchUsersAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
        {
            JsonElement result;
            try
            {
                result = await CallAsync("/admin/user/batch_get_infos", new UserListBody(ids), RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            }
            catch (ImException ex) when (ex.Kind == ImErrorKind.NotSupported)
            {
                ImLog.Verbose("This WildfireChat server has no /admin/user/batch_get_infos; asking get_info for each user.");
                return await FindEachAsync(ids, cancellationToken).ConfigureAwait(false);
            }
            var rows = result.TryGetProperty("userInfos", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : new List<JsonElement>();
            var users = rows.Where(r => !LooksDestroyed(r)).Select(ToUser).ToList();
            users.AddRange(await FindEachAsync(rows.Where(LooksDestroyed).Select(r => r.GetString("userId") ?? string.Empty).ToList(), cancellationToken).ConfigureAwait(false));
            return users;
        }

        private async Task<IReadOnlyList<ImUser>> FindEachAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
        {
            var users = new List<ImUser>();
            foreach (var id in ids)
                if (await FindUserAsync(id, cancellationToken).ConfigureAwait(false) is ImUser user) users.Add(user);
            return users;
        }

        /// <summary>get_info by id; null when the server answers 253 (unknown or destroyed).</summary>
        private async Task<ImUser?> FindUserAsync(string userId, CancellationToken cancellationToken)
        {
            try
            {
                return ToUser(await CallAsync("/admin/user/get_info", new UserIdBody(userId), RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false));
            }
            catch (ImException ex) when (ex.Kind == ImErrorKind.NotFound)
            {
                return null;
            }
        }

        private Task UpdateUserAsync(string userId, string? displayName, string? avatarUri, CancellationToken cancellationToken) =>
            CallAsync("/admin/user/update", new UpdateUserBody(userId, displayName, avatarUri), RetrySafety.Idempotent, cancellationToken);

        /// <summary>
        /// A destroyed user keeps only its id as name and (by default) its display name; every other field is emptied.
        /// batch_get_infos does not check the deleted mark, so such a row needs a second look.
        /// </summary>
        private static bool LooksDestroyed(JsonElement row) =>
            row.GetString("name") == row.GetString("userId") && (row.GetInt("gender") ?? 0) == 0 &&
            new[] { "portrait", "mobile", "email", "address", "company", "social", "extra" }.All(f => string.IsNullOrEmpty(row.GetString(f)));

        private ImUser ToUser(JsonElement row) => new ImUser
        {
            UserId = row.GetString("userId") ?? string.Empty,
            DisplayName = NullIfEmpty(row.GetString("displayName")),
            AvatarUri = NullIfEmpty(row.GetString("portrait")),
            Exists = true,
            Provider = Provider,
        };

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

        private ImException UserNotFound(string userId) =>
            new ImException(ImErrorKind.NotFound, $"WildfireChat has no user '{userId}'. Create it with New-ImUser.") { Provider = Provider };
    }
}
