using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using static ImAdmin.Cmdlets.Channels.ChannelText;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// <para type="synopsis">Gets a channel: WuKongIM ban and disband state, member counts, last message and times; another provider's group with its name, owner, type and member count, or every group where the provider can list them.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImChannel", SupportsPaging = true)]
    [OutputType(typeof(ImChannel), typeof(ImBulkSummary))]
    public sealed class GetImChannelCommand : ChannelCmdlet
    {
        private bool _listing;

        /// <summary>Groups per server call when every group is listed (no -ChannelId).</summary>
        [Parameter]
        [ValidateRange(1, 10000)]
        public int PageSize { get; set; } = 1000;

        protected override bool HandlesProviderGroups => true;

        protected override string ErrorId => "ImAdmin.GetChannelFailed";

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
            if (!_listing)
            {
                base.EndProcessing();
                return;
            }
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
            var channelType = ChannelType;
            Func<CancellationToken, Task<ImChannel?>> read;
            if (OnProviderGroups)
            {
                var groups = GroupCapability<IGroupManager>();
                read = ct => groups.GetGroupAsync(channelId, ct);
            }
            else
            {
                read = ct => Client.FindChannelAsync(channelId, channelType, ct);
            }
            Queue(channelId, row, new string?[0], read, channel =>
            {
                if (channel != null) WriteObject(channel);
                else WriteError(new ErrorRecord(new ItemNotFoundException($"There is no {ChannelTarget(channelId, channelType)}. Create it with New-ImChannel."),
                    "ImAdmin.ChannelNotFound", ErrorCategory.ObjectNotFound, row));
            });
        }

        private void RequireGroupListing()
        {
            if (ChannelType != ChannelType.Group)
                ThrowInvalidArgument(nameof(ChannelId), "Give -ChannelId (or pipe channel ids); only groups can be listed without one (-ChannelType Group).");
            RequireCapability<IGroupLister>();
            foreach (var name in new[] { nameof(ThrottleLimit), nameof(Journal), nameof(Summary) })
                if (MyInvocation.BoundParameters.ContainsKey(name))
                    ThrowInvalidArgument(name, $"-{name} applies to channels given by id (-ChannelId or piped ids); listing every group is one paged read. Remove -{name}.");
        }
    }
}
