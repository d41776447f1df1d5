using System.Collections.Generic;
using System.Threading;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Queries;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that searches messages (Search-ImMessage).</summary>
    [ImCapability("Search-ImMessage (message search)", Area = "Messages")]
    public interface IMessageSearch
    {
        IAsyncEnumerable<MessageSearchPage> SearchMessagesAsync(MessageSearchQuery query, CancellationToken cancellationToken);
    }
}
