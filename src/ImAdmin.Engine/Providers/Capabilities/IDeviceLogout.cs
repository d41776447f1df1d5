using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that can log a user's devices out (Disconnect-ImDevice).</summary>
    public interface IDeviceLogout
    {
        /// <summary>Logs out <paramref name="deviceFlag"/> devices, or all of them when null where the provider allows that.</summary>
        Task LogOutDevicesAsync(string userId, DeviceFlag? deviceFlag, CancellationToken cancellationToken);
    }
}
