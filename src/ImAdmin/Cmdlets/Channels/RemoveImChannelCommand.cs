using System.Management.Automation;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using static ImAdmin.Cmdlets.Channels.ChannelText;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// <para type="synopsis">Deletes a channel: disbands a WuKongIM channel (new messages are dropped) or dismisses another provider's group.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ImChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ImChannel), typeof(ImBulkSummary))]
    public sealed class RemoveImChannelCommand : ChannelCmdlet
    {
        /// <summary>Write the channel as the server reports it afterwards (WuKongIM: Disband is then True; a dismissed group is gone, so nothing is written).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override bool HandlesProviderGroups => true;

        protected override string ErrorId => "ImAdmin.RemoveChannelFailed";

        protected override void ProcessChannel(string channelId, object row)
        {
            if (OnProviderGroups)
            {
                var groups = GroupCapability<IGroupManager>();
                if (!ShouldProcess(ChannelTarget(channelId, ChannelType), "Dismiss the group for every member")) return;
                Queue(channelId, row, new[] { "dismiss" }, Completing(ct => groups.RemoveGroupAsync(channelId, ct)), _ => { });
                return;
            }
            if (!ShouldProcess(ChannelTarget(channelId, ChannelType), "Delete (disband) the channel; its messages and member lists stay, new messages are dropped")) return;
            var channelType = ChannelType;
            Queue(channelId, row, new[] { "disband" }, Completing(ct => Client.RemoveChannelAsync(channelId, channelType, ct)), _ =>
            {
                // Deleting a channel that never existed succeeds and leaves nothing to show.
                if (PassThru && TryRun(ct => Client.FindChannelAsync(channelId, channelType, ct), "ImAdmin.GetChannelFailed", row, out var channel) && channel != null)
                    WriteObject(channel);
            });
        }
    }
}
