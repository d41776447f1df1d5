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
        protected override void ProcessChannel(string channelId, object row)
        {
            if (!TryRun(ct => Client.FindChannelAsync(channelId, ChannelType, ct), "ImAdmin.GetChannelFailed", row, out var channel)) return;
            if (channel != null) WriteObject(channel);
            else WriteError(new ErrorRecord(new ItemNotFoundException($"WuKongIM has no {ChannelTarget(channelId, ChannelType)}. Create it with New-ImChannel."),
                "ImAdmin.ChannelNotFound", ErrorCategory.ObjectNotFound, row));
        }
    }
}
