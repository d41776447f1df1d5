using System.Management.Automation;
using ImAdmin.Engine.Models;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// <para type="synopsis">Gets a WuKongIM channel: ban and disband state, member counts, last message and times.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImChannel")]
    [OutputType(typeof(ImChannel))]
    public sealed class GetImChannelCommand : ChannelCmdlet
    {
        protected override void ProcessRecord()
        {
            if (!TryRun(ct => Client.FindChannelAsync(ChannelId, ChannelType, ct), "ImAdmin.GetChannelFailed", ChannelRow, out var channel)) return;
            if (channel != null) WriteObject(channel);
            else WriteError(new ErrorRecord(new ItemNotFoundException($"WuKongIM has no {Target}. Create it with New-ImChannel."),
                "ImAdmin.ChannelNotFound", ErrorCategory.ObjectNotFound, ChannelRow));
        }
    }
}
