using System.Management.Automation;
using ImAdmin.Engine.Models;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// <para type="synopsis">Deletes (disbands) a WuKongIM channel: new messages to it are dropped.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ImChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ImChannel))]
    public sealed class RemoveImChannelCommand : ChannelCmdlet
    {
        /// <summary>Write the channel as the server reports it afterwards (Disband is then True).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessChannel(string channelId, object row)
        {
            if (!ShouldProcess(ChannelTarget(channelId, ChannelType), "Delete (disband) the channel; its messages and member lists stay, new messages are dropped")) return;
            if (!TryRun(ct => Client.RemoveChannelAsync(channelId, ChannelType, ct), "ImAdmin.RemoveChannelFailed", row) || !PassThru) return;
            // Deleting a channel that never existed succeeds and leaves nothing to show.
            if (TryRun(ct => Client.FindChannelAsync(channelId, ChannelType, ct), "ImAdmin.GetChannelFailed", row, out var channel) && channel != null)
                WriteObject(channel);
        }
    }
}
