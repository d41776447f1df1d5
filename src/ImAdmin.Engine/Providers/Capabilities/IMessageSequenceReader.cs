using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that tells a channel's newest message sequence (Get-ImMessageSequence).</summary>
    [ImCapability("Get-ImMessageSequence (a channel's newest message sequence)", Area = "Messages")]
    public interface IMessageSequenceReader
    {
        Task<ImMessageSequence> GetMessageSequenceAsync(string channelId, ChannelType channelType, string? userId, CancellationToken cancellationToken);
    }
}
