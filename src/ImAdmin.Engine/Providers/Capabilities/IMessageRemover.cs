using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that deletes sent messages on the server (Remove-ImMessage).</summary>
    [ImCapability("Remove-ImMessage (deleting messages on the server)", Instead = "Revoke-ImMessage recalls a message for everyone.", Area = "Deleting messages")]
    public interface IMessageRemover : IMessageAddressing
    {
        Task<ImRemovedMessage> RemoveAsync(MessageIdentity identity, string operatorId, CancellationToken cancellationToken);
    }
}
