using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>
    /// A provider whose server keeps user accounts that an admin creates, reads, changes and deletes (New-, Get-, Set-,
    /// Remove-ImUser). Each method takes any number of users and chunks them to the server's per-call limits itself;
    /// every result's <see cref="ItemResult{T}.Input"/> is the user id, and a user the server refuses is a failed
    /// result, never an exception for the whole call.
    /// </summary>
    [ImCapability("New-/Get-/Set-/Remove-ImUser (user accounts)", Instead = "WuKongIM users come into being with Set-ImUserToken.", Area = "User accounts")]
    public interface IUserDirectory
    {
        /// <summary>Creates the users; one that exists already is success (re-runnable onboarding).</summary>
        Task<IReadOnlyList<ItemResult<ImUser>>> CreateUsersAsync(IReadOnlyList<UserInput> users, CancellationToken cancellationToken);

        /// <summary>The users asked for; one that does not exist is a NotFound failure.</summary>
        Task<IReadOnlyList<ItemResult<ImUser>>> GetUsersAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken);

        /// <summary>Changes the given profile fields of each user (the others stay as they are).</summary>
        Task<IReadOnlyList<ItemResult<ImUser>>> SetUsersAsync(IReadOnlyList<UserInput> users, CancellationToken cancellationToken);

        /// <summary>Deletes the users; each value is the id deleted.</summary>
        Task<IReadOnlyList<ItemResult<string>>> RemoveUsersAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken);
    }
}
