using System.Management.Automation;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Models;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// <para type="synopsis">Gets the whitelist of a WuKongIM channel: when it is not empty, only these users may send.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImChannelWhitelist", SupportsPaging = true)]
    [OutputType(typeof(ImChannelMember))]
    public sealed class GetImChannelWhitelistCommand : GetChannelMemberCmdlet
    {
        protected override ChannelMemberList List => ChannelMemberList.Whitelist;
    }
}
