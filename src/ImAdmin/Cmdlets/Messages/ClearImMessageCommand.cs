using System;
using System.Management.Automation;
using ImAdmin.Cmdlets.Conversations;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Wildfire;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// <para type="synopsis">Deletes one user's messages in a conversation on the server, optionally only those between two times.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Clear, "ImMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ImConversation), typeof(ImBulkSummary))]
    public sealed class ClearImMessageCommand : ImConversationCmdlet
    {
        /// <summary>Write the conversation to the pipeline afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Only messages sent at or after this time.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DateTime? StartTime { get; set; }

        /// <summary>Only messages sent at or before this time.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DateTime? EndTime { get; set; }

        protected override string ErrorId => "ImAdmin.ClearMessageFailed";

        protected override void ProcessRecord()
        {
            var client = RequireCapability<IMessageClearer>();
            var start = StartTime.HasValue ? new DateTimeOffset(StartTime.Value) : (DateTimeOffset?)null;
            var end = EndTime.HasValue ? new DateTimeOffset(EndTime.Value) : (DateTimeOffset?)null;
            var range = (start, end) switch
            {
                (null, null) => "Delete every message of the user",
                (_, null) => $"Delete the user's messages since {start:u}",
                (null, _) => $"Delete the user's messages until {end:u}",
                _ => $"Delete the user's messages from {start:u} to {end:u}",
            };
            if (!ShouldProcess(Target, range)) return;
            Queue($"clear {start:o} {end:o}", async (c, ct) =>
            {
                await client.ClearUserMessagesAsync(c.UserId, c.ChannelId, c.ChannelType, start, end, ct).ConfigureAwait(false);
                return c;
            }, c => { if (PassThru) WriteObject(c); });
        }
    }
}
