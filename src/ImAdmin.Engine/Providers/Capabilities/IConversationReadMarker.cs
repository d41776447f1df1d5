using System;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that can mark a user's conversation read (Clear-ImConversationUnread).</summary>
    [ImCapability("Clear-ImConversationUnread (marking a conversation read)", Area = "Unread")]
    public interface IConversationReadMarker
    {
        /// <summary>
        /// Marks the conversation read up to <paramref name="before"/>, or up to its newest message when null. A provider
        /// that can only clear everything refuses a time with an <see cref="Errors.ImInputException"/> before sending.
        /// Returns the conversation as the provider can describe it right after (Tencent: the unread count left and the
        /// read time), or null when it has nothing beyond its identity to say.
        /// </summary>
        Task<ImConversation?> ClearConversationUnreadAsync(string userId, string channelId, ChannelType channelType, DateTimeOffset? before, CancellationToken cancellationToken);
    }
}
