using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Completion;
using ImAdmin.Engine.Queries;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// <para type="synopsis">Sends an event (such as a stream delta or finish) for a message on WuKongIM v2.2.1 or later.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "ImEvent", SupportsShouldProcess = true)]
    [OutputType(typeof(ImEventResult))]
    public sealed class SendImEventCommand : ImRowCmdlet
    {
        /// <summary>The client_msg_no of the message (stream) the event belongs to.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ClientMsgNo { get; set; } = string.Empty;

        /// <summary>The message's channel; for a person channel, the other user.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("To", "To_Account", "Target", "channel_id", "Uid", "UserId")]
        [ArgumentCompleter(typeof(ChannelIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string ChannelId { get; set; } = string.Empty;

        /// <summary>The channel type.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("channel_type")]
        public ChannelType ChannelType { get; set; }

        /// <summary>The sender; by default the server fills it from the stream or uses the system user.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("FromUid", "from_uid", "From_Account", "Sender")]
        [ValidateNotNullOrEmpty]
        public string? From { get; set; }

        /// <summary>The event type, e.g. stream.delta or stream.finish (v2.2.4+), ___TextMessageStart (v2.2.1-2.2.3).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string EventType { get; set; } = string.Empty;

        /// <summary>The event's id (default: a new one).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? EventId { get; set; }

        /// <summary>The event data: JSON text is sent as JSON (v2.2.4+), other text as a string.</summary>
        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
        public string? Data { get; set; }

        /// <summary>Write the accepted event (ImEventResult) to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var client = RequireCapability<IMessageEventSender>();
            if (!ShouldProcess($"message '{ClientMsgNo}' in {ChannelType} channel '{ChannelId}'", $"Send event '{EventType}'")) return;
            var request = new MessageEventRequest(ClientMsgNo, ChannelId, ChannelType, EventType) { From = From, EventId = EventId, Data = Data };
            try
            {
                var result = Run(ct => client.SendEventAsync(request, ct));
                if (PassThru) WriteObject(result);
            }
            catch (ImException ex)
            {
                WriteItemFailure(ex, "ImAdmin.SendEventFailed", RowOr(ClientMsgNo));
            }
        }
    }
}
