using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Queries;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that lists a user's conversations (Sync-ImConversation) and reads one back (-PassThru of the conversation cmdlets).</summary>
    [ImCapability("Sync-ImConversation (listing a user's conversations)", Area = "Conversations")]
    public interface IConversationLister
    {
        IAsyncEnumerable<ImConversation> SyncConversationsAsync(ConversationSyncQuery query, CancellationToken cancellationToken);

        /// <summary>One conversation as the server now reports it, or null when it lists none.</summary>
        Task<ImConversation?> GetConversationAsync(string userId, string channelId, ChannelType channelType, CancellationToken cancellationToken);
    }
}
