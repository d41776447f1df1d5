using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// <para type="synopsis">Subscribes users to a WuKongIM channel (creating the channel if it does not exist), or adds members to another provider's group.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "ImChannelSubscriber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ImChannelMember), typeof(ImBulkSummary))]
    public sealed class AddImChannelSubscriberCommand : ChangeChannelMemberCmdlet
    {
        private readonly HashSet<(string, ChannelType)> _reset = new HashSet<(string, ChannelType)>();

        /// <summary>Remove every current subscriber first (done once per channel, with its first call). WuKongIM only.</summary>
        [Parameter]
        public SwitchParameter Reset { get; set; }

        /// <summary>Temporary subscribers. WuKongIM v2 refuses them; the cmdlet then stops with a NotSupported error (as on every other provider).</summary>
        [Parameter]
        public SwitchParameter Temporary { get; set; }

        protected override ChannelMemberList List => ChannelMemberList.Subscribers;

        protected override bool HandlesProviderGroups => true;

        /// <summary>With -Reset the first call of a channel clears it: no other call for it may run meanwhile.</summary>
        protected override bool OneCallAtATime => Reset;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RefuseOnProviderGroups(nameof(Reset), nameof(Temporary));
        }

        protected override string Action(string users) => GroupMembers != null ? $"Add {users} to the group" : Reset
            ? $"Add {users} as subscribers; the first call for this channel first removes every current subscriber"
            : $"Add {users} as subscribers";

        /// <summary>A provider's group answers per member, so a refused member fails only the rows that named it.</summary>
        protected override Task<IReadOnlyList<ItemResult<string>>> SendEachAsync(MemberBatch batch, CancellationToken cancellationToken) => GroupMembers != null
            ? GroupMembers.AddGroupMembersAsync(batch.ChannelId, batch.UserIds, cancellationToken)
            : base.SendEachAsync(batch, cancellationToken);

        protected override async Task SendAsync(MemberBatch batch, CancellationToken cancellationToken)
        {
            var key = (batch.ChannelId, batch.ChannelType);
            var reset = Reset && !_reset.Contains(key);
            await Client.AddChannelMembersAsync(List, batch.ChannelId, batch.ChannelType, batch.UserIds, cancellationToken, reset, Temporary).ConfigureAwait(false);
            // Only once it succeeded: if the resetting call failed, the next call for the channel resets instead.
            if (reset) _reset.Add(key);
        }
    }
}
