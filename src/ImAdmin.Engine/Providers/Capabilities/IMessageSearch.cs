using System.Collections.Generic;
using System.Threading;
using ImAdmin.Engine.Providers.WuKongIM;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that searches messages (Search-ImMessage).</summary>
    [ImCapability("Search-ImMessage (message search)", Area = "Messages")]
    public interface IMessageSearch
    {
        IAsyncEnumerable<WuKongSearchPage> SearchMessagesAsync(WuKongSearchQuery query, CancellationToken cancellationToken);
    }
}
