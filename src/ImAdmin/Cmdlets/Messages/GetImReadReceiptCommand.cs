using System.Management.Automation;
using ImAdmin.Cmdlets.Conversations;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Wildfire;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// <para type="synopsis">Gets up to when a user has read a conversation (WildfireChat professional edition or newer).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImReadReceipt")]
    [OutputType(typeof(ImReadReceipt))]
    public sealed class GetImReadReceiptCommand : ImConversationCmdlet
    {
        protected override void ProcessRecord()
        {
            var client = RequireCapability<IReadReceiptReader>();
            try
            {
                WriteObject(Run(ct => client.GetReadReceiptAsync(UserId, ChannelId, ChannelType, ct)));
            }
            catch (ImException ex)
            {
                WriteItemFailure(ex, ex is ImInputException ? "ImAdmin.InvalidArgument" : "ImAdmin.GetReadReceiptFailed", Row);
            }
        }
    }
}
