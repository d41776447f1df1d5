using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that reads messages of a channel by server message id (Get-ImMessage -MessageId).</summary>
    [ImCapability("Get-ImMessage -MessageId (reading messages by id)", Instead = "On Tencent Cloud IM read the conversation's history: Get-ImMessage -UserId <user> -ChannelId <peer> -ChannelType Person.", Area = "Reading messages by id")]
    public interface IMessageByIdReader
    {
        /// <summary>One lookup per id, in order: the message, or a NotFound error when the channel has no such message.</summary>
        Task<IReadOnlyList<ItemResult<ImMessage>>> GetMessagesByIdAsync(string channelId, ChannelType channelType, string? userId,
            IReadOnlyList<long> messageIds, CancellationToken cancellationToken);
    }
}
