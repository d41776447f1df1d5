using System.Management.Automation;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Models;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// <para type="synopsis">Gets the users subscribed to a WuKongIM channel (who receive its messages).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImChannelSubscriber", SupportsPaging = true)]
    [OutputType(typeof(ImChannelMember))]
    public sealed class GetImChannelSubscriberCommand : GetChannelMemberCmdlet
    {
        protected override ChannelMemberList List => ChannelMemberList.Subscribers;
    }
}
