using System.Management.Automation;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// <para type="synopsis">Gets the sequence number of a channel's newest message (0 when it has none).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImMessageSequence")]
    [OutputType(typeof(ImMessageSequence))]
    public sealed class GetImMessageSequenceCommand : ImChannelViewCmdlet
    {
        protected override void ProcessRecord()
        {
            var client = RequireCapability<IMessageSequenceReader>();
            try
            {
                WriteObject(Run(ct => client.GetMessageSequenceAsync(ChannelId, ChannelType, UserId, ct)));
            }
            catch (ImException ex)
            {
                WriteItemFailure(ex, "ImAdmin.GetMessageSequenceFailed", RowOr(ChannelId));
            }
        }
    }
}
