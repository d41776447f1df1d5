using System.Management.Automation;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// <para type="synopsis">Gets a channel: WuKongIM ban and disband state, member counts, last message and times; another provider's group with its name, owner, type and member count.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImChannel")]
    [OutputType(typeof(ImChannel))]
    public sealed class GetImChannelCommand : ChannelCmdlet
    {
        protected override bool HandlesProviderGroups => true;

        protected override void ProcessChannel(string channelId, object row)
        {
            ImChannel? channel;
            if (OnProviderGroups)
            {
                var groups = GroupCapability<IGroupManager>();
                if (!TryRun(ct => groups.GetGroupAsync(channelId, ct), "ImAdmin.GetChannelFailed", row, out channel)) return;
            }
            else if (!TryRun(ct => Client.FindChannelAsync(channelId, ChannelType, ct), "ImAdmin.GetChannelFailed", row, out channel))
            {
                return;
            }
            if (channel != null) WriteObject(channel);
            else WriteError(new ErrorRecord(new ItemNotFoundException($"There is no {ChannelTarget(channelId, ChannelType)}. Create it with New-ImChannel."),
                "ImAdmin.ChannelNotFound", ErrorCategory.ObjectNotFound, row));
        }
    }
}
