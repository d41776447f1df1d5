using System.Collections.Generic;
using System.Threading;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that reads a channel's history page by page (Get-ImMessage).</summary>
    [ImCapability("Get-ImMessage (a channel's history)", Instead = "On WildfireChat read single messages: Get-ImMessage -MessageId.", Area = "History")]
    public interface IMessageHistoryReader
    {
        /// <summary>Lazily, page by page; parameters the provider cannot page by are an <see cref="Errors.ImInputException"/> on the first read.</summary>
        IAsyncEnumerable<ImMessage> GetHistoryAsync(MessageHistoryQuery query, CancellationToken cancellationToken);
    }
}
