using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that tells when a user last read a conversation (Get-ImReadReceipt).</summary>
    [ImCapability("Get-ImReadReceipt (read times)", Area = "Editing messages, receipts")]
    public interface IReadReceiptReader
    {
        Task<ImReadReceipt> GetReadReceiptAsync(string userId, string channelId, ChannelType channelType, CancellationToken cancellationToken);
    }
}
