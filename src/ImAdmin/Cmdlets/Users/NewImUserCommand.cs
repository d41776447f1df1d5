using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Creates user accounts; a user that exists already gets the display name and avatar given, so an onboarding CSV can be re-run.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ImUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ImUser), typeof(ImBulkSummary))]
    public sealed class NewImUserCommand : UserProfileCmdlet
    {
        protected override string ErrorId => "ImAdmin.NewUserFailed";

        protected override string Describe(UserInput user) =>
            "Create the user (or update an existing one)" + (user.DisplayName == null ? string.Empty : $" named '{user.DisplayName}'") +
            (user.AvatarUri == null ? string.Empty : $" with avatar {user.AvatarUri}");

        protected override Func<CancellationToken, Task<IReadOnlyList<ItemResult<ImUser>>>> Prepare(IReadOnlyList<UserInput> users)
        {
            var directory = Users;
            return ct => directory.CreateUsersAsync(users, ct);
        }
    }
}
