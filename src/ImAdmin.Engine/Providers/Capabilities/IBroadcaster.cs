using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that sends one message to every user (Send-ImBroadcast).</summary>
    [ImCapability("Send-ImBroadcast (one message to every user)", Area = "Broadcast")]
    public interface IBroadcaster
    {
        /// <summary>Options the provider has no field for are refused before anything is sent (<see cref="ImClient.CheckOptions"/>).</summary>
        Task<ImBroadcastResult> BroadcastAsync(string? from, MessageContent content, bool redDot, bool persist, MessageOptions options, CancellationToken cancellationToken);
    }
}
