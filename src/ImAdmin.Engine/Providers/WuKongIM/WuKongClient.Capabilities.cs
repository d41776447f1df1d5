using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>The cross-provider capabilities, over the WuKongIM operations of the other partial files.</summary>
    public sealed partial class WuKongClient : IOnlineStatusReader, IDeviceLogout, IConversationReadMarker
    {
        async Task<BatchOutcome<ImOnlineStatus>> IOnlineStatusReader.GetOnlineStatusesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
            new BatchOutcome<ImOnlineStatus>(await GetOnlineStatusAsync(userIds, cancellationToken).ConfigureAwait(false));

        Task IDeviceLogout.LogOutDevicesAsync(string userId, DeviceFlag? deviceFlag, CancellationToken cancellationToken) =>
            deviceFlag.HasValue
                ? QuitDeviceAsync(userId, deviceFlag.Value, cancellationToken)
                : throw new ImInputException("DeviceFlag", "WuKongIM logs devices out per kind: pass -DeviceFlag App, Web, PC or All.");
    }
}
