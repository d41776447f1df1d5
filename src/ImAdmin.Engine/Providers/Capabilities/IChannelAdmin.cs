using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>
    /// A provider with channels whose settings and member lists (subscribers, blacklist, whitelist) an administrator
    /// manages (Get-/New-/Set-/Remove-ImChannel and the *-ImChannelSubscriber/-Blacklist/-Whitelist cmdlets).
    /// </summary>
    [ImCapability("channels and their member lists", Area = "Channels")]
    public interface IChannelAdmin
    {
        Task<ImChannel?> FindChannelAsync(string channelId, ChannelType channelType, CancellationToken cancellationToken);

        Task<ChannelState> NewChannelAsync(ChannelSettings settings, CancellationToken cancellationToken);

        Task<ChannelState> SetChannelAsync(ChannelSettings settings, CancellationToken cancellationToken);

        /// <summary>The channel as the server stores it after a write.</summary>
        Task<ImChannel> ReadBackAsync(ChannelState written, CancellationToken cancellationToken);

        Task RemoveChannelAsync(string channelId, ChannelType channelType, CancellationToken cancellationToken);

        Task<IReadOnlyList<ImChannelMember>> GetChannelMembersAsync(ChannelMemberList list, string channelId, ChannelType channelType, CancellationToken cancellationToken);

        /// <summary><paramref name="reset"/> and <paramref name="temporary"/> apply to subscribers only.</summary>
        Task AddChannelMembersAsync(ChannelMemberList list, string channelId, ChannelType channelType, IEnumerable<string> userIds,
            CancellationToken cancellationToken, bool reset = false, bool temporary = false);

        Task RemoveChannelMembersAsync(ChannelMemberList list, string channelId, ChannelType channelType, IEnumerable<string> userIds, CancellationToken cancellationToken);

        /// <summary>Replaces a blacklist or whitelist in one call.</summary>
        Task ReplaceChannelMembersAsync(ChannelMemberList list, string channelId, ChannelType channelType, IEnumerable<string> userIds, CancellationToken cancellationToken);
    }
}
