using System.Management.Automation;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Models;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// <para type="synopsis">Creates a WuKongIM channel, or overwrites the flags of an existing one, and adds subscribers.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ImChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImChannel))]
    public sealed class NewImChannelCommand : ChannelCmdlet
    {
        /// <summary>Users to subscribe (not for person channels). Long lists are sent 1000 at a time.</summary>
        [Parameter]
        [ValidateNotNull]
        [Alias("Subscribers")]
        public string[]? Subscriber { get; set; }

        /// <summary>Mute everyone but system users (a banned person channel can neither send nor receive).</summary>
        [Parameter]
        public SwitchParameter Ban { get; set; }

        /// <summary>Members cannot send but still receive.</summary>
        [Parameter]
        public SwitchParameter SendBan { get; set; }

        /// <summary>Person channels: users who are not friends may message this user.</summary>
        [Parameter]
        public SwitchParameter AllowStranger { get; set; }

        /// <summary>Write the channel as the server reports it after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessChannel(string channelId, object row)
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
            if (!TryRun(ct => Client.NewChannelAsync(settings, ct), "ImAdmin.NewChannelFailed", row, out var written) || !PassThru) return;
            if (TryRun(ct => Client.ReadBackAsync(written, ct), "ImAdmin.GetChannelFailed", row, out var channel)) WriteObject(channel);
        }
    }
}
