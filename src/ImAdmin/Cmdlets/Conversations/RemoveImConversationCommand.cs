using System.Management.Automation;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Conversations
{
    /// <summary>
    /// <para type="synopsis">Removes a conversation from a user's list (WuKongIM: it comes back with the next message).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ImConversation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ImConversation), typeof(ImBulkSummary))]
    public sealed class RemoveImConversationCommand : ImConversationCmdlet
    {
        /// <summary>Write the conversation to the pipeline afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string ErrorId => "ImAdmin.RemoveConversationFailed";

        protected override void ProcessRecord()
        {
            var client = RequireCapability<IConversationDeleter>();
            if (!ShouldProcess(Target, "Remove the conversation")) return;
            // The server lists a removed conversation no more: its identity is what remains to pass on.
            Queue("remove", async (c, ct) =>
            {
                await client.DeleteConversationAsync(c.UserId, c.ChannelId, c.ChannelType, ct).ConfigureAwait(false);
                return c;
            }, c => { if (PassThru) WriteObject(c); });
        }
    }
}
