using System.Management.Automation;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using static ImAdmin.Cmdlets.Channels.ChannelText;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// <para type="synopsis">Gets a channel: WuKongIM ban and disband state, member counts, last message and times; another provider's group with its name, owner, type and member count, or every group where the provider can list them.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImChannel", SupportsPaging = true)]
    [OutputType(typeof(ImChannel))]
    public sealed class GetImChannelCommand : ChannelCmdlet
    {
        private bool _listing;

        /// <summary>Groups per server call when every group is listed (no -ChannelId).</summary>
        [Parameter]
        [ValidateRange(1, 10000)]
        public int PageSize { get; set; } = 1000;

        protected override bool HandlesProviderGroups => true;

        protected override void BeginProcessing()
        {
            // Without an id: every group, where the provider can list them.
            _listing = ChannelId == null && !MyInvocation.ExpectingInput;
            if (_listing) RequireGroupListing();
            else base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            if (!_listing) base.ProcessRecord();
        }

        protected override void EndProcessing()
        {
            if (!_listing) return;
            var lister = RequireCapability<IGroupLister>();
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount(0, 0.0));
            if (PagingParameters.First == 0) return;
            ulong seen = 0;
            ulong written = 0;
            // Stop as soon as -First is reached, before the listing asks the server for another page.
            foreach (var group in Stream(lister.ListGroupsAsync(PageSize, CancellationToken)))
            {
                if (seen++ < PagingParameters.Skip) continue;
                WriteObject(group);
                if (++written >= PagingParameters.First) break;
            }
        }

        protected override void ProcessChannel(string channelId, object row)
        {
            ImChannel? channel;
            if (OnProviderGroups)
            {
                var groups = GroupCapability<IGroupManager>();
                if (!TryRun(ct => groups.GetGroupAsync(channelId, ct), "ImAdmin.GetChannelFailed", row, out channel)) return;
            }
            else if (!TryRun(ct => Client.FindChannelAsync(channelId, ChannelType, ct), "ImAdmin.GetChannelFailed", row, out channel))
            {
                return;
            }
            if (channel != null) WriteObject(channel);
            else WriteError(new ErrorRecord(new ItemNotFoundException($"There is no {ChannelTarget(channelId, ChannelType)}. Create it with New-ImChannel."),
                "ImAdmin.ChannelNotFound", ErrorCategory.ObjectNotFound, row));
        }

        private void RequireGroupListing()
        {
            if (ChannelType != ChannelType.Group)
                ThrowInvalidArgument(nameof(ChannelId), "Give -ChannelId (or pipe channel ids); only groups can be listed without one (-ChannelType Group).");
            RequireCapability<IGroupLister>();
        }
    }
}
