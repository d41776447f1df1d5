using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Security;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider whose clients log in with a token the administrator sets (Set-ImUserToken).</summary>
    [ImCapability("Set-ImUserToken (setting a user's login token)", Instead = "Tencent Cloud IM clients log in with a UserSig: use New-ImUserSig.", Area = "Users and devices")]
    public interface IUserTokenWriter
    {
        Task SetUserTokenAsync(string userId, ImSecret token, DeviceFlag deviceFlag, DeviceLevel deviceLevel, CancellationToken cancellationToken);
    }
}
