using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that reports its data migration (Get-ImMigrationStatus).</summary>
    [ImCapability("Get-ImMigrationStatus (the server's data migration)", Area = "Server")]
    public interface IMigrationStatusReader
    {
        Task<ImMigrationStatus> GetMigrationStatusAsync(CancellationToken cancellationToken);
    }
}
