using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider whose groups have member lists (Get-, Add-, Remove-ImChannelSubscriber -ChannelType Group).</summary>
    [ImCapability("Get-/Add-/Remove-ImChannelSubscriber -ChannelType Group (group members)", Area = "Groups")]
    public interface IGroupMembership
    {
        /// <summary>The most user ids one add or remove call may carry.</summary>
        int GroupMemberBatchLimit { get; }

        /// <summary>The group's members, lazily (paged where the server pages); an unknown group is kind NotFound.</summary>
        IAsyncEnumerable<ImChannelMember> GetGroupMembersAsync(string groupId, int pageSize, CancellationToken cancellationToken);

        /// <summary>
        /// Adds users (at most <see cref="GroupMemberBatchLimit"/>): one result per distinct user, Value the user id.
        /// Users already in the group succeed; a user the server refused alone is a failure of that user only.
        /// </summary>
        Task<IReadOnlyList<ItemResult<string>>> AddGroupMembersAsync(string groupId, IReadOnlyList<string> userIds, CancellationToken cancellationToken);

        /// <summary>Removes users (at most <see cref="GroupMemberBatchLimit"/>); users not in the group are not an error.</summary>
        Task RemoveGroupMembersAsync(string groupId, IReadOnlyList<string> userIds, CancellationToken cancellationToken);
    }
}
