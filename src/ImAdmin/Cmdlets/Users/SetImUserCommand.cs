using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Changes users' display name and avatar (Tencent Cloud IM portrait_set); fields not given stay as they are.</para>
    /// <para type="description">
    /// Tencent Cloud IM: one portrait_set per user with only the tags given (Tag_Profile_IM_Nick for -DisplayName,
    /// Tag_Profile_IM_Image for -AvatarUri). A value over 500 bytes is refused before sending. -PassThru reads the users
    /// back, so the objects show the server's state.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ImUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImUser))]
    public sealed class SetImUserCommand : UserProfileRowCommand
    {
        protected override string Capability => "Set-ImUser (Tencent portrait_set)";

        protected override string ErrorId => "ImAdmin.SetUserFailed";

        protected override void BeginProcessing()
        {
            if (DisplayName == null && AvatarUri == null && !MyInvocation.ExpectingInput)
                ThrowInvalidArgument(nameof(DisplayName), "Nothing to change: give -DisplayName or -AvatarUri (or both).");
            base.BeginProcessing();
        }

        protected override string Describe(UserInput user) =>
            string.Join(" and ", new[] { user.DisplayName == null ? null : $"set the display name to '{user.DisplayName}'", user.AvatarUri == null ? null : $"set the avatar to {user.AvatarUri}" }
                .Where(s => s != null).DefaultIfEmpty("change nothing"));

        protected override BatchOutcome<ImUser> Apply(IReadOnlyList<UserInput> users) => Run(ct => Users.SetUsersAsync(users, ct));

        protected override void WriteUsers(IReadOnlyList<ImUser> users)
        {
            if (!PassThru || users.Count == 0) return;
            var outcome = Run(ct => Users.GetUsersAsync(users.Select(u => u.UserId).ToList(), ct));
            foreach (var user in outcome.Items) WriteObject(user);
            foreach (var failure in outcome.Failures) WriteItemError(failure.Error, "ImAdmin.GetUserFailed", failure.Key);
        }
    }
}
