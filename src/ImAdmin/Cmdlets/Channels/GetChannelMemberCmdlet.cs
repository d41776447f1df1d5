using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using System.Management.Automation;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// Base of Get-ImChannelSubscriber/-Blacklist/-Whitelist. WuKongIM answers a whole list in one call (it has no
    /// paging), so -Skip/-First/-IncludeTotalCount work on each channel's list here, on the client; another provider's
    /// group members are read through the group capability (paged where its server pages).
    /// </summary>
    public abstract class GetChannelMemberCmdlet : ChannelMemberCmdlet
    {
        /// <summary>Only these users (wildcards allowed): shows whether they are on the list.</summary>
        [Parameter(Position = 2)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? UserId { get; set; }

        /// <summary>Members per call where another provider's server pages its group members.</summary>
        protected virtual int GroupPageSize => 1000;

        protected override void ProcessRecord()
        {
            var groupMembers = OnProviderGroups ? GroupCapability<IGroupMembership>() : null;
            if (!TryRun(ct => ReadMembersAsync(groupMembers, ct), "ImAdmin.GetChannelMembersFailed", RowOr(ChannelId), out var members)) return;
            var patterns = UserId?.Select(u => new WildcardPattern(u, WildcardOptions.IgnoreCase)).ToList();
            var selected = members.Where(m => patterns == null || patterns.Any(p => p.IsMatch(m.UserId))).ToList();
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount((ulong)selected.Count, 1.0));
            foreach (var member in selected.Skip((int)System.Math.Min(PagingParameters.Skip, int.MaxValue)).Take((int)System.Math.Min(PagingParameters.First, int.MaxValue)))
                WriteObject(member);
        }

        private async Task<IReadOnlyList<ImChannelMember>> ReadMembersAsync(IGroupMembership? groupMembers, CancellationToken cancellationToken)
        {
            if (groupMembers == null) return await Client.GetChannelMembersAsync(List, ChannelId, ChannelType, cancellationToken).ConfigureAwait(false);
            var members = new List<ImChannelMember>();
            await foreach (var member in groupMembers.GetGroupMembersAsync(ChannelId, GroupPageSize, cancellationToken).ConfigureAwait(false))
                members.Add(member);
            return members;
        }
    }
}
