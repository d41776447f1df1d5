using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that tells up to when messages reached a user (Get-ImDeliveryStatus).</summary>
    [ImCapability("Get-ImDeliveryStatus (delivery times)", Area = "Editing messages, receipts")]
    public interface IDeliveryStatusReader
    {
        Task<ImDeliveryStatus> GetDeliveryStatusAsync(string userId, CancellationToken cancellationToken);
    }
}
