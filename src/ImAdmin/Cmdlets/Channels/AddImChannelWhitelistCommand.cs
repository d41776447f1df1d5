using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Channels;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// <para type="synopsis">Adds users to the whitelist of a WuKongIM channel: once it is not empty, only listed users may send.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "ImChannelWhitelist", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImChannelMember), typeof(ImBulkSummary))]
    public sealed class AddImChannelWhitelistCommand : ChangeChannelMemberCmdlet
    {
        protected override ChannelMemberList List => ChannelMemberList.Whitelist;

        protected override string Action(string users) => $"Add {users} to the whitelist (once it is not empty, only listed users may send)";

        protected override Task SendAsync(MemberBatch batch, CancellationToken cancellationToken) =>
            Client.AddChannelMembersAsync(List, batch.ChannelId, batch.ChannelType, batch.UserIds, cancellationToken);
    }
}
