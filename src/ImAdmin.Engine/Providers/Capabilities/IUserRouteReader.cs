using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that tells clients which addresses to connect to (Get-ImUserRoute).</summary>
    [ImCapability("Get-ImUserRoute (the addresses clients connect to)", Area = "Users and devices")]
    public interface IUserRouteReader
    {
        /// <summary>The node's addresses (no user ids), or one route per user.</summary>
        Task<IReadOnlyList<ImUserRoute>> GetUserRoutesAsync(IEnumerable<string>? userIds, bool intranet, CancellationToken cancellationToken);
    }
}
