using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Channels;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// <para type="synopsis">Unsubscribes users from a WuKongIM channel (their conversation with it is deleted), or removes members from another provider's group.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ImChannelSubscriber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImChannelMember), typeof(ImBulkSummary))]
    public sealed class RemoveImChannelSubscriberCommand : ChangeChannelMemberCmdlet
    {
        protected override ChannelMemberList List => ChannelMemberList.Subscribers;

        protected override bool HandlesProviderGroups => true;

        protected override string Action(string users) => GroupMembers != null
            ? $"Remove {users} from the group"
            : $"Remove {users} from the subscribers (their conversation with this channel is deleted)";

        protected override Task SendAsync(MemberBatch batch, CancellationToken cancellationToken) => GroupMembers != null
            ? GroupMembers.RemoveGroupMembersAsync(batch.ChannelId, batch.UserIds, cancellationToken)
            : Client.RemoveChannelMembersAsync(List, batch.ChannelId, batch.ChannelType, batch.UserIds, cancellationToken);
    }
}
