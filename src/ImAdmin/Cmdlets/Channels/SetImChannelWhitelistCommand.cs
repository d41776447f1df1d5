using System.Management.Automation;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Models;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// <para type="synopsis">Replaces the whole whitelist of a WuKongIM channel with the given users (or empties it with -Clear).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ImChannelWhitelist", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Users")]
    [OutputType(typeof(ImChannelMember))]
    public sealed class SetImChannelWhitelistCommand : SetChannelMemberListCmdlet
    {
        protected override ChannelMemberList List => ChannelMemberList.Whitelist;
    }
}
