using System;
using System.Management.Automation;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Providers.Tencent;

namespace ImAdmin.Cmdlets.Conversations
{
    /// <summary>
    /// <para type="synopsis">Marks a user's conversation as read up to its newest message (WuKongIM; Tencent Cloud IM one-to-one conversations).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Clear, "ImConversationUnread", SupportsShouldProcess = true)]
    [OutputType(typeof(ImConversation))]
    public sealed class ClearImConversationUnreadCommand : ImConversationCmdlet
    {
        /// <summary>Tencent Cloud IM: mark read only the messages up to this time (MsgReadTime). Omitted: everything up to now.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("MsgReadTime")]
        public DateTimeOffset? Before { get; set; }

        protected override void ProcessRecord()
        {
            var client = RequireClient<IConversationReadMarker>("Clear-ImConversationUnread (WuKongIM clearUnread, Tencent admin_set_msg_read)");
            var readTime = Before ?? DateTimeOffset.UtcNow;
            if (!ShouldProcess(Target, Before == null ? "Clear the unread count" : $"Mark read the messages up to {Before:u}")) return;
            try
            {
                Run(ct => client.ClearConversationUnreadAsync(UserId, ChannelId, ChannelType, Before, ct));
                if (PassThru && client is TencentClient tencent)
                    WriteObject(Run(ct => tencent.GetConversationUnreadAsync(UserId, ChannelId, readTime, ct)));
                else
                    WriteConversation(client);
            }
            catch (ImException ex)
            {
                WriteItemFailure(ex, "ImAdmin.ClearConversationUnreadFailed", Row);
            }
        }
    }
}
