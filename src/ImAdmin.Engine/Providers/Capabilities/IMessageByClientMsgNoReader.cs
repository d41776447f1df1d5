using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that finds messages by the sender's client_msg_no (Get-ImMessage -ClientMsgNo).</summary>
    [ImCapability("Get-ImMessage -ClientMsgNo (reading messages by client_msg_no)", Area = "Messages")]
    public interface IMessageByClientMsgNoReader
    {
        /// <summary>One result per client_msg_no, in order (Input = the client_msg_no): the message, or a NotFound error.</summary>
        Task<IReadOnlyList<ItemResult<ImMessage>>> GetMessagesByClientMsgNoAsync(string channelId, ChannelType channelType, string? userId,
            IReadOnlyList<string> clientMsgNos, CancellationToken cancellationToken);
    }
}
