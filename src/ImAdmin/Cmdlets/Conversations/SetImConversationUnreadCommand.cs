using System.Management.Automation;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Conversations
{
    /// <summary>
    /// <para type="synopsis">Lowers a user's unread count in a conversation (WuKongIM cannot raise it).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ImConversationUnread", SupportsShouldProcess = true)]
    [OutputType(typeof(ImConversation), typeof(ImBulkSummary))]
    public sealed class SetImConversationUnreadCommand : ImConversationCmdlet
    {
        /// <summary>Write the conversation to the pipeline afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The unread count wanted: 0 marks everything read; it cannot be above the current count.</summary>
        [Parameter(Mandatory = true, Position = 3, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0, int.MaxValue)]
        public int Unread { get; set; }

        protected override string ErrorId => "ImAdmin.SetConversationUnreadFailed";

        protected override void ProcessRecord()
        {
            var client = RequireCapability<IConversationUnreadWriter>();
            if (!ShouldProcess(Target, $"Set the unread count to {Unread}")) return;
            var (unread, passThru) = (Unread, PassThru.IsPresent);
            Queue($"unread {unread}", async (c, ct) =>
            {
                await client.SetConversationUnreadAsync(c.UserId, c.ChannelId, c.ChannelType, unread, ct).ConfigureAwait(false);
                return passThru ? await ReadBackAsync(c, ct).ConfigureAwait(false) : c;
            }, c => { if (passThru) WriteObject(c); });
        }
    }
}
