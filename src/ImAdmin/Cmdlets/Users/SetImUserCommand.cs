using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Changes users' display name and avatar, and (WildfireChat) mutes, bans or restores them with -Status; fields not given stay as they are.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ImUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImUser), typeof(ImBulkSummary))]
    public sealed class SetImUserCommand : UserProfileCmdlet
    {
        private readonly Dictionary<string, UserStatus> _statuses = new Dictionary<string, UserStatus>();
        private IUserStatusWriter? _statusWriter;

        /// <summary>Normal, Muted (the user's own messages are refused) or Banned (login refused, connections closed). Binds from a CSV column Status.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public UserStatus? Status { get; set; }

        protected override string ErrorId => "ImAdmin.SetUserFailed";

        protected override void BeginProcessing()
        {
            if (DisplayName == null && AvatarUri == null && Status == null && !MyInvocation.ExpectingInput)
                ThrowInvalidArgument(nameof(DisplayName), "Nothing to change: give -DisplayName, -AvatarUri or -Status.");
            base.BeginProcessing();
            if (Status != null) _statusWriter = RequireCapability<IUserStatusWriter>();
        }

        protected override void Check(UserInput user)
        {
            if (!user.HasProfile && Status == null)
                throw new ImInputException(nameof(DisplayName), $"Nothing to change for '{user.UserId}': give -DisplayName, -AvatarUri or -Status (or the columns).");
            if (Status != null)
            {
                _statusWriter ??= RequireCapability<IUserStatusWriter>();
                _statuses[user.UserId] = Status.Value;
            }
            else
            {
                _statuses.Remove(user.UserId);
            }
        }

        protected override string Describe(UserInput user) =>
            string.Join(" and ", new[]
            {
                user.DisplayName == null ? null : $"set the display name to '{user.DisplayName}'",
                user.AvatarUri == null ? null : $"set the avatar to {user.AvatarUri}",
                _statuses.TryGetValue(user.UserId, out var status) ? $"set the status to {status}" : null,
            }.Where(s => s != null));

        /// <summary>
        /// Profile fields first (an unknown user fails there), then the status of the users that are left. The statuses
        /// are taken now: the call runs while later rows change them.
        /// </summary>
        protected override Func<CancellationToken, Task<IReadOnlyList<ItemResult<ImUser>>>> Prepare(IReadOnlyList<UserInput> users)
        {
            var statuses = users.Where(u => _statuses.ContainsKey(u.UserId)).ToDictionary(u => u.UserId, u => _statuses[u.UserId]);
            var directory = Users;
            var writer = _statusWriter;
            return ct => ApplyAsync(directory, writer, users, statuses, ct);
        }

        private static async Task<IReadOnlyList<ItemResult<ImUser>>> ApplyAsync(IUserDirectory directory, IUserStatusWriter? writer, IReadOnlyList<UserInput> users,
            IReadOnlyDictionary<string, UserStatus> statuses, CancellationToken ct)
        {
            var withProfile = users.Where(u => u.HasProfile).ToList();
            var profile = withProfile.Count == 0 ? new List<ItemResult<ImUser>>() : (await directory.SetUsersAsync(withProfile, ct).ConfigureAwait(false)).ToList();
            var results = profile.ToDictionary(r => (string)r.Input);
            foreach (var user in users.Where(u => statuses.ContainsKey(u.UserId) && (!results.TryGetValue(u.UserId, out var r) || r.Succeeded)))
            {
                var status = statuses[user.UserId];
                try
                {
                    await writer!.SetUserStatusAsync(user.UserId, status, ct).ConfigureAwait(false);
                }
                catch (ImException ex) when (ex.Kind == ImErrorKind.NotFound || ex.Kind == ImErrorKind.InvalidArgument)
                {
                    results[user.UserId] = ItemResult<ImUser>.Failure(user.UserId, ex);
                    continue;
                }
                if (!user.HasProfile) results[user.UserId] = ItemResult<ImUser>.Success(user.UserId, new ImUser { UserId = user.UserId, Exists = true });
            }
            return results.Values.ToList();
        }

        /// <summary>-PassThru reads the users back, so the objects show the server's state (status included).</summary>
        protected override void WriteUsers(IReadOnlyList<ImUser> users)
        {
            if (!PassThru || users.Count == 0) return;
            foreach (var result in Run(ct => Users.GetUsersAsync(users.Select(u => u.UserId).ToList(), ct))) WriteResult(result, "ImAdmin.GetUserFailed", result.Input);
        }
    }
}
