using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that can mark a user's conversation read (Clear-ImConversationUnread).</summary>
    [ImCapability("Clear-ImConversationUnread (marking a conversation read)", Area = "Unread")]
    public interface IConversationReadMarker
    {
        Task ClearConversationUnreadAsync(string userId, string channelId, ChannelType channelType, CancellationToken cancellationToken);
    }
}
