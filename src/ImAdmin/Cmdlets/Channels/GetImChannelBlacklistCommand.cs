using System.Management.Automation;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Models;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// <para type="synopsis">Gets the blacklist of a WuKongIM channel: users who cannot send to it.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImChannelBlacklist", SupportsPaging = true)]
    [OutputType(typeof(ImChannelMember))]
    public sealed class GetImChannelBlacklistCommand : GetChannelMemberCmdlet
    {
        protected override ChannelMemberList List => ChannelMemberList.Blacklist;
    }
}
