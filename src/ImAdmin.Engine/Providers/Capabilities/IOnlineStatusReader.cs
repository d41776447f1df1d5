using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that tells whether users are online (Get-ImOnlineStatus). The client chunks to its server's limit.</summary>
    public interface IOnlineStatusReader
    {
        Task<BatchOutcome<ImOnlineStatus>> GetOnlineStatusesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);
    }
}
