using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider with system users, who may send to any channel (Get-/Add-/Remove-ImSystemUser).</summary>
    [ImCapability("Get-/Add-/Remove-ImSystemUser (system users)", Area = "Users and devices")]
    public interface ISystemUserAdmin
    {
        Task<IReadOnlyList<ImSystemUser>> GetSystemUsersAsync(CancellationToken cancellationToken);

        Task AddSystemUsersAsync(IEnumerable<string> userIds, CancellationToken cancellationToken);

        Task RemoveSystemUsersAsync(IEnumerable<string> userIds, CancellationToken cancellationToken);
    }
}
