using System;
using System.Management.Automation;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Conversations
{
    /// <summary>
    /// <para type="synopsis">Marks a user's conversation as read up to its newest message (WuKongIM; Tencent Cloud IM one-to-one conversations).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Clear, "ImConversationUnread", SupportsShouldProcess = true)]
    [OutputType(typeof(ImConversation), typeof(ImBulkSummary))]
    public sealed class ClearImConversationUnreadCommand : ImConversationCmdlet
    {
        /// <summary>Write the conversation to the pipeline afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Tencent Cloud IM: mark read only the messages up to this time (MsgReadTime). Omitted: everything up to now.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("MsgReadTime")]
        public DateTimeOffset? Before { get; set; }

        protected override string ErrorId => "ImAdmin.ClearConversationUnreadFailed";

        protected override void ProcessRecord()
        {
            var client = RequireCapability<IConversationReadMarker>();
            if (!ShouldProcess(Target, Before == null ? "Clear the unread count" : $"Mark read the messages up to {Before:u}")) return;
            var (before, passThru) = (Before, PassThru.IsPresent);
            Queue($"read up to {before:o}", async (c, ct) =>
            {
                var after = await client.ClearConversationUnreadAsync(c.UserId, c.ChannelId, c.ChannelType, before, ct).ConfigureAwait(false);
                return after ?? (passThru ? await ReadBackAsync(c, ct).ConfigureAwait(false) : c);
            }, c => { if (passThru) WriteObject(c); });
        }
    }
}
