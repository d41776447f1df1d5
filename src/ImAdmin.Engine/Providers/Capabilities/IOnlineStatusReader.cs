using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that tells whether users are online (Get-ImOnlineStatus). The client chunks to its server's limit.</summary>
    [ImCapability("Get-ImOnlineStatus (whether users are online)", Area = "Presence")]
    public interface IOnlineStatusReader
    {
        /// <summary>
        /// Results whose <see cref="ItemResult{T}.Input"/> is the user id asked about: one or more statuses per user
        /// (per device kind or per client session, as the provider answers), or a failure for that user.
        /// </summary>
        Task<IReadOnlyList<ItemResult<ImOnlineStatus>>> GetOnlineStatusesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);
    }
}
