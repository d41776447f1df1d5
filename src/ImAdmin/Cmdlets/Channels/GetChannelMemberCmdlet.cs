using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Base;
using ImAdmin.Completion;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// Base of Get-ImChannelSubscriber/-Blacklist/-Whitelist. WuKongIM answers a whole list in one call (it has no
    /// paging), so -Skip/-First/-IncludeTotalCount work on each channel's list here, on the client; another provider's
    /// group members are read through the group capability (paged where its server pages).
    /// </summary>
    public abstract class GetChannelMemberCmdlet : ImRowCmdlet
    {
        private ChannelAccess _access = null!;

        /// <summary>The channel id (for a person channel, the owner's user id). Binds from CSV columns ChannelId, To, To_Account, Target or channel_id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("To", "To_Account", "Target", "channel_id")]
        [ArgumentCompleter(typeof(ChannelIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string ChannelId { get; set; } = string.Empty;

        /// <summary>The channel kind: Group, Person (the channel id is then a user id), Community, Live, ... (or 1-12).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("channel_type")]
        public ChannelType ChannelType { get; set; }

        /// <summary>Only these users (wildcards allowed): shows whether they are on the list.</summary>
        [Parameter(Position = 2)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? UserId { get; set; }

        /// <summary>Which of the channel's lists the cmdlet reads.</summary>
        protected abstract ChannelMemberList List { get; }

        /// <summary>True for the cmdlets that read groups of the other providers too.</summary>
        protected virtual bool HandlesProviderGroups => false;

        /// <summary>Members per call where another provider's server pages its group members.</summary>
        protected virtual int GroupPageSize => 1000;

        protected override void BeginProcessing() => _access = new ChannelAccess(this, HandlesProviderGroups);

        protected override void ProcessRecord()
        {
            var groupMembers = _access.OnProviderGroups ? _access.GroupCapability<IGroupMembership>(ChannelType) : null;
            if (!_access.TryRun(ct => ReadMembersAsync(groupMembers, ct), "ImAdmin.GetChannelMembersFailed", RowOr(ChannelId), out var members)) return;
            var patterns = UserId?.Select(u => new WildcardPattern(u, WildcardOptions.IgnoreCase)).ToList();
            var selected = members.Where(m => patterns == null || patterns.Any(p => p.IsMatch(m.UserId))).ToList();
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount((ulong)selected.Count, 1.0));
            foreach (var member in selected.Skip((int)System.Math.Min(PagingParameters.Skip, int.MaxValue)).Take((int)System.Math.Min(PagingParameters.First, int.MaxValue)))
                WriteObject(member);
        }

        private async Task<IReadOnlyList<ImChannelMember>> ReadMembersAsync(IGroupMembership? groupMembers, CancellationToken cancellationToken)
        {
            if (groupMembers == null) return await _access.Client!.GetChannelMembersAsync(List, ChannelId, ChannelType, cancellationToken).ConfigureAwait(false);
            var members = new List<ImChannelMember>();
            await foreach (var member in groupMembers.GetGroupMembersAsync(ChannelId, GroupPageSize, cancellationToken).ConfigureAwait(false))
                members.Add(member);
            return members;
        }
    }
}
