using System.Collections.Generic;
using System.Threading;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that can list every group (Get-ImChannel -ChannelType Group with no id).</summary>
    [ImCapability("Get-ImChannel -ChannelType Group without -ChannelId (listing every group)", Instead = "Give -ChannelId.", Area = "Listing groups")]
    public interface IGroupLister
    {
        /// <summary>Every group, lazily, <paramref name="pageSize"/> per server call.</summary>
        IAsyncEnumerable<ImChannel> ListGroupsAsync(int pageSize, CancellationToken cancellationToken);
    }
}
