using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that can remove a conversation from one user's list (Remove-ImConversation).</summary>
    [ImCapability("Remove-ImConversation (removing a conversation from a user's list)", Area = "Removing conversations")]
    public interface IConversationDeleter
    {
        Task DeleteConversationAsync(string userId, string channelId, ChannelType channelType, CancellationToken cancellationToken);
    }
}
