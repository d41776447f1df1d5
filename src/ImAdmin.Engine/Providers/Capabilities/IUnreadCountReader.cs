using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that counts a user's unread one-to-one messages (Get-ImUnreadCount).</summary>
    [ImCapability("Get-ImUnreadCount (counting unread messages)", Instead = "On WuKongIM the unread counts are on Sync-ImConversation's output.", Area = "Unread counts")]
    public interface IUnreadCountReader
    {
        /// <summary>The user's total when <paramref name="peers"/> is empty, else one result per peer (Input = the peer).</summary>
        Task<IReadOnlyList<ItemResult<ImUnreadCount>>> GetUnreadCountsAsync(string userId, IReadOnlyCollection<string> peers, CancellationToken cancellationToken);
    }
}
