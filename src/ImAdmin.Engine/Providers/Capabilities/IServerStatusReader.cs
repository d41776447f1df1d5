using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that reports a node's state and counters (Get-ImServerStatus).</summary>
    [ImCapability("Get-ImServerStatus (a node's state and counters)", Area = "Server status")]
    public interface IServerStatusReader
    {
        Task<ImServerStatus> GetServerStatusAsync(ulong? nodeId, int? topConnections, CancellationToken cancellationToken);
    }
}
