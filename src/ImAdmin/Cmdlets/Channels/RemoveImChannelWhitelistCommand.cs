using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Channels;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// <para type="synopsis">Removes users from the whitelist of a WuKongIM channel.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ImChannelWhitelist", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImChannelMember), typeof(ImBulkSummary))]
    public sealed class RemoveImChannelWhitelistCommand : ChangeChannelMemberCmdlet
    {
        protected override ChannelMemberList List => ChannelMemberList.Whitelist;

        protected override string Action(string users) => $"Remove {users} from the whitelist";

        protected override Task SendAsync(MemberBatch batch, CancellationToken cancellationToken) =>
            Client.RemoveChannelMembersAsync(List, batch.ChannelId, batch.ChannelType, batch.UserIds, cancellationToken);
    }
}
