using System.Management.Automation;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using static ImAdmin.Cmdlets.Channels.ChannelText;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// <para type="synopsis">Creates a channel: on WuKongIM any kind (or overwrites the flags of an existing one) with subscribers; on other providers a group with a name, an owner and members.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ImChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImChannel), typeof(ImBulkSummary))]
    public sealed class NewImChannelCommand : ChannelCmdlet
    {
        /// <summary>Users to subscribe (WuKongIM; not for person channels), or the group's first members. Long WuKongIM lists are sent 1000 at a time.</summary>
        [Parameter]
        [ValidateNotNull]
        [Alias("Subscribers", "Members")]
        public string[]? Subscriber { get; set; }

        /// <summary>Mute everyone but system users (a banned person channel can neither send nor receive). WuKongIM only.</summary>
        [Parameter]
        public SwitchParameter Ban { get; set; }

        /// <summary>Members cannot send but still receive. WuKongIM only.</summary>
        [Parameter]
        public SwitchParameter SendBan { get; set; }

        /// <summary>Person channels: users who are not friends may message this user. WuKongIM only.</summary>
        [Parameter]
        public SwitchParameter AllowStranger { get; set; }

        /// <summary>The group's name (Tencent Cloud IM, WildfireChat). Binds from a CSV column Name; an empty cell means none.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Name { get; set; }

        /// <summary>The group owner's user id (Tencent Cloud IM, WildfireChat). Omitted or empty: the provider's admin account.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Owner { get; set; }

        /// <summary>The kind of group: Tencent Cloud IM Public, Private, ChatRoom, AVChatRoom, Community; WildfireChat Normal, Free, Restricted (default), Organization.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public GroupType? GroupType { get; set; }

        /// <summary>Write the channel as the server reports it after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override bool HandlesProviderGroups => true;

        protected override string ErrorId => "ImAdmin.NewChannelFailed";

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RefuseOnProviderGroups(nameof(Ban), nameof(SendBan), nameof(AllowStranger));
            RefuseOnWuKong(nameof(Name), nameof(Owner), nameof(GroupType));
        }

        protected override void ProcessChannel(string channelId, object row)
        {
            if (OnProviderGroups) CreateGroup(channelId, row);
            else CreateWuKongChannel(channelId, row);
        }

        private void CreateGroup(string channelId, object row)
        {
            var groups = GroupCapability<IGroupManager>();
            try
            {
                groups.CheckGroupType(GroupType);
            }
            catch (ImInputException ex)
            {
                ThrowTerminating(ex, "ImAdmin.InvalidArgument", GroupType);
            }
            var name = string.IsNullOrEmpty(Name) ? null : Name;
            var spec = new GroupSpec(channelId) { Name = name, Owner = string.IsNullOrEmpty(Owner) ? null : Owner, GroupType = GroupType, Members = Subscriber ?? new string[0] };
            var members = Subscriber == null || Subscriber.Length == 0 ? string.Empty : $" with {DescribeUsers(Subscriber)}";
            if (!ShouldProcess(ChannelTarget(channelId, ChannelType), $"Create the group{(name == null ? string.Empty : $" '{name}'")}{members}")) return;
            Queue(channelId, row, new[] { name, spec.Owner, GroupType?.ToString(), string.Join(",", spec.Members) }, Completing(ct => groups.CreateGroupAsync(spec, ct)), _ =>
            {
                if (PassThru && TryRun(ct => groups.GetGroupAsync(channelId, ct), "ImAdmin.GetChannelFailed", row, out var group) && group != null) WriteObject(group);
            });
        }

        private void CreateWuKongChannel(string channelId, object row)
        {
            var settings = new ChannelSettings(channelId, ChannelType)
            {
                Ban = Ban.IsPresent,
                SendBan = SendBan.IsPresent,
                AllowStranger = AllowStranger.IsPresent,
                Subscribers = Subscriber,
            };
            var subscribers = Subscriber == null || Subscriber.Length == 0 ? string.Empty : $" with {DescribeUsers(Subscriber)} subscribed";
            if (!ShouldProcess(ChannelTarget(channelId, ChannelType), $"Create the channel (or overwrite all flags of an existing one){subscribers}")) return;
            var change = new[] { Ban.ToString(), SendBan.ToString(), AllowStranger.ToString(), string.Join(",", Subscriber ?? new string[0]) };
            Queue(channelId, row, change, ct => Client.NewChannelAsync(settings, ct), written =>
            {
                if (PassThru && TryRun(ct => Client.ReadBackAsync(written, ct), "ImAdmin.GetChannelFailed", row, out var channel)) WriteObject(channel);
            });
        }
    }
}
