using System.Linq;
using System.Management.Automation;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// Base of Get-ImChannelSubscriber/-Blacklist/-Whitelist. The server answers a whole list in one call (it has no
    /// paging), so -Skip/-First/-IncludeTotalCount work on each channel's list here, on the client.
    /// </summary>
    public abstract class GetChannelMemberCmdlet : ChannelMemberCmdlet
    {
        /// <summary>Only these users (wildcards allowed): shows whether they are on the list.</summary>
        [Parameter(Position = 2)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? UserId { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryRun(ct => Client.GetChannelMembersAsync(List, ChannelId, ChannelType, ct), "ImAdmin.GetChannelMembersFailed", RowOr(ChannelId), out var members)) return;
            var patterns = UserId?.Select(u => new WildcardPattern(u, WildcardOptions.IgnoreCase)).ToList();
            var selected = members.Where(m => patterns == null || patterns.Any(p => p.IsMatch(m.UserId))).ToList();
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount((ulong)selected.Count, 1.0));
            foreach (var member in selected.Skip((int)System.Math.Min(PagingParameters.Skip, int.MaxValue)).Take((int)System.Math.Min(PagingParameters.First, int.MaxValue)))
                WriteObject(member);
        }
    }
}
