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
    [OutputType(typeof(ImReadReceipt), typeof(ImBulkSummary))]
    public sealed class GetImReadReceiptCommand : ImConversationCmdlet
    {
        protected override string ErrorId => "ImAdmin.GetReadReceiptFailed";

        protected override void ProcessRecord()
        {
            var client = RequireCapability<IReadReceiptReader>();
            Queue("read receipt", (c, ct) => client.GetReadReceiptAsync(c.UserId, c.ChannelId, c.ChannelType, ct), WriteObject);
        }
    }
}
