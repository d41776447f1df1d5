using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Channels;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// <para type="synopsis">Adds users to the blacklist of a WuKongIM channel: they can no longer send to it.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "ImChannelBlacklist", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImChannelMember), typeof(ImBulkSummary))]
    public sealed class AddImChannelBlacklistCommand : ChangeChannelMemberCmdlet
    {
        protected override ChannelMemberList List => ChannelMemberList.Blacklist;

        protected override string Action(string users) => $"Add {users} to the blacklist";

        protected override Task SendAsync(MemberBatch batch, CancellationToken cancellationToken) =>
            Client.AddChannelMembersAsync(List, batch.ChannelId, batch.ChannelType, batch.UserIds, cancellationToken);
    }
}
