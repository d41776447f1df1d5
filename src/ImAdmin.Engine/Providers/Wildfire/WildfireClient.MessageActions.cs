using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>Recall, delete and update by message identity: WildfireChat identifies a message by its server id (messageUid).</summary>
    public sealed partial class WildfireClient : IMessageRevoker, IMessageRemover, IMessageUpdater
    {
        public object KeyOf(MessageIdentity identity, string operation) =>
            identity.MessageId ?? throw new ImInputException("MessageId", "No message id: pass -MessageId, or pipe objects or rows with a MessageId.");

        public Task<ImRevokeResult> RevokeAsync(MessageIdentity identity, string operatorId, CancellationToken cancellationToken)
        {
            var id = (long)KeyOf(identity, "Revoke-ImMessage");
            return identity.Scope switch
            {
                MessageScope.Multicast => RecallMulticastAsync(id, identity.Receivers, operatorId, cancellationToken),
                MessageScope.Broadcast => RecallBroadcastAsync(id, operatorId, cancellationToken),
                _ => RecallAsync(id, operatorId, cancellationToken),
            };
        }

        public Task<ImRemovedMessage> RemoveAsync(MessageIdentity identity, string operatorId, CancellationToken cancellationToken)
        {
            var id = (long)KeyOf(identity, "Remove-ImMessage");
            return identity.Scope switch
            {
                MessageScope.Multicast => DeleteMulticastAsync(id, identity.Receivers, operatorId, cancellationToken),
                MessageScope.Broadcast => DeleteBroadcastAsync(id, operatorId, cancellationToken),
                _ => DeleteMessageAsync(id, cancellationToken),
            };
        }

        public Task<ImUpdatedMessage> UpdateAsync(MessageIdentity identity, MessageContent content, bool distribute, string operatorId, CancellationToken cancellationToken) =>
            UpdateMessageAsync((long)KeyOf(identity, "Update-ImMessage"), content, distribute, operatorId, cancellationToken);
    }
}
