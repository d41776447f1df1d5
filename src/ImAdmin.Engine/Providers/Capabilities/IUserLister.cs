using System.Collections.Generic;
using System.Threading;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that can list every user account (Get-ImUser without -UserId).</summary>
    [ImCapability("Get-ImUser without -UserId (listing every user)", Instead = "Give -UserId.", Area = "Listing users")]
    public interface IUserLister
    {
        /// <summary>Every user after the first <paramref name="skip"/>, lazily, <paramref name="pageSize"/> per server call.</summary>
        IAsyncEnumerable<ImUser> ListUsersAsync(long skip, int pageSize, CancellationToken cancellationToken);
    }
}
