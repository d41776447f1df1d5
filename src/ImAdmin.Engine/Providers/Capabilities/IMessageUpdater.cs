using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that replaces a sent message's content (Update-ImMessage).</summary>
    [ImCapability("Update-ImMessage (replacing a message's content)", Area = "Editing messages, receipts")]
    public interface IMessageUpdater : IMessageAddressing
    {
        /// <summary>Replaces the content; <paramref name="distribute"/> tells the clients that already have the message, not only the server's copy.</summary>
        Task<ImUpdatedMessage> UpdateAsync(MessageIdentity identity, MessageContent content, bool distribute, string operatorId, CancellationToken cancellationToken);
    }
}
