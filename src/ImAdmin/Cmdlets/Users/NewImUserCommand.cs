using System.Collections.Generic;
using System.Management.Automation;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Creates user accounts (Tencent Cloud IM account import); creating one that exists is success, so an onboarding CSV can be re-run.</para>
    /// <para type="description">
    /// Tencent Cloud IM: rows with only an id are imported with multiaccount_import, 100 per call; a row with a display
    /// name or avatar with account_import, which sets the profile in the same call. Ids over 32 bytes and profile values
    /// over 500 bytes are refused before anything is sent. An account the server does not import is an error whose
    /// TargetObject is its row.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ImUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ImUser))]
    public sealed class NewImUserCommand : UserProfileRowCommand
    {
        protected override string Capability => "New-ImUser (Tencent account_import/multiaccount_import)";

        protected override string ErrorId => "ImAdmin.NewUserFailed";

        protected override string Describe(UserInput user) =>
            "Create user" + (user.DisplayName == null ? string.Empty : $" '{user.DisplayName}'") + (user.AvatarUri == null ? string.Empty : $" with avatar {user.AvatarUri}");

        protected override BatchOutcome<ImUser> Apply(IReadOnlyList<UserInput> users) => Run(ct => Users.CreateUsersAsync(users, ct));
    }
}
