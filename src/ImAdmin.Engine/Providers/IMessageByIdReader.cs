using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;

namespace ImAdmin.Engine.Providers
{
    /// <summary>A provider that reads messages of a channel by server message id (Get-ImMessage -MessageId).</summary>
    public interface IMessageByIdReader
    {
        /// <summary>One lookup per id, in order: the message, or a NotFound error when the channel has no such message.</summary>
        Task<IReadOnlyList<MessageLookup<long>>> GetMessagesByIdAsync(string channelId, ChannelType channelType, string? userId,
            IReadOnlyList<long> messageIds, CancellationToken cancellationToken);
    }
}
