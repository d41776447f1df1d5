using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Models;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// <para type="synopsis">Removes users from the blacklist of a WuKongIM channel.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ImChannelBlacklist", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImChannelMember))]
    public sealed class RemoveImChannelBlacklistCommand : ChangeChannelMemberCmdlet
    {
        protected override ChannelMemberList List => ChannelMemberList.Blacklist;

        protected override string Action(string users) => $"Remove {users} from the blacklist";

        protected override Task SendAsync(MemberBatch batch, CancellationToken cancellationToken) =>
            Client.RemoveChannelMembersAsync(List, batch.ChannelId, batch.ChannelType, batch.UserIds, cancellationToken);
    }
}
