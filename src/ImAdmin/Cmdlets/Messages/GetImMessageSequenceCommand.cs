using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// <para type="synopsis">Gets the sequence number of a channel's newest message (0 when it has none).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImMessageSequence")]
    [OutputType(typeof(ImMessageSequence))]
    public sealed class GetImMessageSequenceCommand : ImSessionCmdlet
    {
        /// <summary>The channel; for a person channel, the other user (or the internal "a@b" id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("To", "To_Account", "Target", "channel_id")]
        [ValidateNotNullOrEmpty]
        public string ChannelId { get; set; } = string.Empty;

        /// <summary>The channel type.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("channel_type")]
        public ChannelType ChannelType { get; set; }

        /// <summary>The viewing user of a person channel; required for ChannelType Person.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "User", "Account", "Member_Account", "user_id")]
        [ValidateNotNullOrEmpty]
        public string? UserId { get; set; }

        protected override void ProcessRecord()
        {
            var client = RequireClient<WuKongClient>("Get-ImMessageSequence (a channel's newest message sequence)");
            try
            {
                WriteObject(Run(ct => client.GetMessageSequenceAsync(ChannelId, ChannelType, UserId, ct)));
            }
            catch (ImException ex)
            {
                WriteItemFailure(ex, "ImAdmin.GetMessageSequenceFailed", ChannelId);
            }
        }
    }
}
