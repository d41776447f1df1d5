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

        protected override void ProcessRecord()
        {
            if (!ShouldProcess(Target, "Delete (disband) the channel; its messages and member lists stay, new messages are dropped")) return;
            if (!TryRun(ct => Client.RemoveChannelAsync(ChannelId, ChannelType, ct), "ImAdmin.RemoveChannelFailed", ChannelRow) || !PassThru) return;
            // Deleting a channel that never existed succeeds and leaves nothing to show.
            if (TryRun(ct => Client.FindChannelAsync(ChannelId, ChannelType, ct), "ImAdmin.GetChannelFailed", ChannelRow, out var channel) && channel != null)
                WriteObject(channel);
        }
    }
}
