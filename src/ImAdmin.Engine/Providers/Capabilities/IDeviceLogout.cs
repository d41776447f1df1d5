using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that can log a user's devices out (Disconnect-ImDevice).</summary>
    [ImCapability("Disconnect-ImDevice (logging a user's devices out)", Area = "Presence")]
    public interface IDeviceLogout
    {
        /// <summary>
        /// Throws an <see cref="Errors.ImInputException"/> for a device flag the provider cannot log out (null = none
        /// given), so a caller can refuse the input before confirming or sending anything.
        /// </summary>
        void CheckDeviceFlag(DeviceFlag? deviceFlag);

        /// <summary>Logs out <paramref name="deviceFlag"/> devices, or all of them when null where the provider allows that.</summary>
        Task LogOutDevicesAsync(string userId, DeviceFlag? deviceFlag, CancellationToken cancellationToken);
    }
}
