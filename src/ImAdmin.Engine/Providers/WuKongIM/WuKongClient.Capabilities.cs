using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>The cross-provider capabilities, over the WuKongIM operations of the other partial files.</summary>
    public sealed partial class WuKongClient : IOnlineStatusReader, IDeviceLogout, IConversationReadMarker, ISystemUserAdmin, IUserRouteReader, IUserTokenWriter,
        IServerStatusReader, IMigrationStatusReader, IConversationUnreadWriter, IConversationLister, IMessageSequenceReader, IMessageSearch,
        IMessageEventSender, IConnectionAdmin, IChannelAdmin
    {
        async Task<IReadOnlyList<ItemResult<ImOnlineStatus>>> IOnlineStatusReader.GetOnlineStatusesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
            (await GetOnlineStatusAsync(userIds, cancellationToken).ConfigureAwait(false)).Select(s => ItemResult<ImOnlineStatus>.Success(s.UserId, s)).ToList();

        public void CheckDeviceFlag(DeviceFlag? deviceFlag)
        {
            if (!deviceFlag.HasValue)
                throw new ImInputException("DeviceFlag", "WuKongIM logs devices out per kind: pass -DeviceFlag App, Web, PC or All.");
            if (deviceFlag == DeviceFlag.System)
                throw new ImInputException("DeviceFlag", "-DeviceFlag System cannot be logged out; use App, Web, PC or All.");
        }

        Task IDeviceLogout.LogOutDevicesAsync(string userId, DeviceFlag? deviceFlag, CancellationToken cancellationToken)
        {
            CheckDeviceFlag(deviceFlag);
            return QuitDeviceAsync(userId, deviceFlag!.Value, cancellationToken);
        }
    }
}
