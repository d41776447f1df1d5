using System.Management.Automation;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Models;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// <para type="synopsis">Gets the users subscribed to a WuKongIM channel (who receive its messages), or the members of another provider's group.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImChannelSubscriber", SupportsPaging = true)]
    [OutputType(typeof(ImChannelMember))]
    public sealed class GetImChannelSubscriberCommand : GetChannelMemberCmdlet
    {
        protected override ChannelMemberList List => ChannelMemberList.Subscribers;

        protected override bool HandlesProviderGroups => true;

        /// <summary>Members per server call where the provider pages a group's member list (WuKongIM and WildfireChat answer the whole list at once).</summary>
        [Parameter]
        [ValidateRange(1, 100000)]
        public int PageSize { get; set; } = 1000;

        protected override int GroupPageSize => PageSize;
    }
}
