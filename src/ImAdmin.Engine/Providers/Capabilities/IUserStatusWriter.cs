using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that can mute or ban a user account (Set-ImUser -Status); the status reads back through <see cref="IUserDirectory.GetUsersAsync"/>.</summary>
    [ImCapability("Set-ImUser -Status (muting and banning users)", Area = "User status")]
    public interface IUserStatusWriter
    {
        /// <summary>Sets the user's status; an unknown user is an <see cref="Errors.ImException"/> of kind NotFound.</summary>
        Task SetUserStatusAsync(string userId, UserStatus status, CancellationToken cancellationToken);
    }
}
