using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>
    /// A provider whose server keeps user accounts that an admin creates, reads, changes and deletes (New-, Get-, Set-,
    /// Remove-ImUser). Each method takes any number of users and chunks them to the server's per-call limits itself;
    /// a user the server refuses (or an id the server would refuse, checked before sending) is an
    /// <see cref="ItemFailure"/> keyed by its UserId, never an exception for the whole call.
    /// </summary>
    public interface IUserDirectory
    {
        /// <summary>Creates the users; one that exists already is success (re-runnable onboarding).</summary>
        Task<BatchOutcome<ImUser>> CreateUsersAsync(IReadOnlyList<UserInput> users, CancellationToken cancellationToken);

        /// <summary>The users asked for; one that does not exist is a NotFound failure.</summary>
        Task<BatchOutcome<ImUser>> GetUsersAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken);

        /// <summary>Changes the given profile fields of each user (the others stay as they are).</summary>
        Task<BatchOutcome<ImUser>> SetUsersAsync(IReadOnlyList<UserInput> users, CancellationToken cancellationToken);

        /// <summary>Deletes the users; the items are the ids deleted.</summary>
        Task<BatchOutcome<string>> RemoveUsersAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken);
    }
}
