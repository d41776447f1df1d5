using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Queries;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that appends events to a streamed message (Send-ImEvent).</summary>
    [ImCapability("Send-ImEvent (message events)", Area = "Messages")]
    public interface IMessageEventSender
    {
        Task<ImEventResult> SendEventAsync(MessageEventRequest request, CancellationToken cancellationToken);
    }
}
