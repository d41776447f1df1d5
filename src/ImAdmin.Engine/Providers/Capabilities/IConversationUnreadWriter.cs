using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that sets the unread count of a user's conversation (Set-ImConversationUnread).</summary>
    [ImCapability("Set-ImConversationUnread (setting a conversation's unread count)", Instead = "To mark a conversation read, use Clear-ImConversationUnread.", Area = "Conversations")]
    public interface IConversationUnreadWriter
    {
        /// <summary>False when the count was not lowered (the server can only lower it).</summary>
        Task<bool> SetConversationUnreadAsync(string userId, string channelId, ChannelType channelType, int unread, CancellationToken cancellationToken);
    }
}
