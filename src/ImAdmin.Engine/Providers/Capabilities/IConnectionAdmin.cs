using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Queries;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that lists a node's client connections and kicks or removes them (Get-/Disconnect-/Remove-ImConnection).</summary>
    [ImCapability("Get-/Disconnect-/Remove-ImConnection (a node's client connection list, /connz)", Instead = "Use Disconnect-ImDevice to log a user out.", Area = "Connections")]
    public interface IConnectionAdmin
    {
        IAsyncEnumerable<ConnectionPage> GetConnectionPagesAsync(ConnectionQuery query, CancellationToken cancellationToken);

        Task KickConnectionAsync(string userId, long connectionId, ulong? nodeId, CancellationToken cancellationToken);

        Task RemoveConnectionAsync(string userId, long connectionId, ulong? nodeId, CancellationToken cancellationToken);
    }
}
