using System;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that deletes a user's messages of a conversation in a time range (Clear-ImMessage).</summary>
    [ImCapability("Clear-ImMessage (deleting a user's messages in a conversation)", Area = "Deleting messages")]
    public interface IMessageClearer
    {
        Task ClearUserMessagesAsync(string userId, string channelId, ChannelType channelType, DateTimeOffset? start, DateTimeOffset? end, CancellationToken cancellationToken);
    }
}
