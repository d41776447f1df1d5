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
    [OutputType(typeof(ImConversation))]
    public sealed class ClearImConversationUnreadCommand : ImConversationCmdlet
    {
        protected override void ProcessRecord()
        {
            var client = RequireCapability<IConversationReadMarker>();
            if (!ShouldProcess(Target, "Clear the unread count")) return;
            try
            {
                Run(ct => client.ClearConversationUnreadAsync(UserId, ChannelId, ChannelType, ct));
                WriteConversation();
            }
            catch (ImException ex)
            {
                WriteItemFailure(ex, "ImAdmin.ClearConversationUnreadFailed", Row);
            }
        }
    }
}
