using System.Collections.Generic;
using System.Management.Automation;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Creates user accounts; a user that exists already gets the display name and avatar given, so an onboarding CSV can be re-run.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ImUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ImUser))]
    public sealed class NewImUserCommand : UserProfileCmdlet
    {
        protected override string ErrorId => "ImAdmin.NewUserFailed";

        protected override string Describe(UserInput user) =>
            "Create the user (or update an existing one)" + (user.DisplayName == null ? string.Empty : $" named '{user.DisplayName}'") +
            (user.AvatarUri == null ? string.Empty : $" with avatar {user.AvatarUri}");

        protected override IReadOnlyList<ItemResult<ImUser>> Apply(IReadOnlyList<UserInput> users) => Run(ct => Users.CreateUsersAsync(users, ct));
    }
}
