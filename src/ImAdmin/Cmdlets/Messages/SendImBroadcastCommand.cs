using System;
using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Wildfire;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// <para type="synopsis">Sends one message to every user of a WildfireChat server (admin broadcast).</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "ImBroadcast", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = TextSet)]
    [OutputType(typeof(ImBroadcastResult))]
    public sealed class SendImBroadcastCommand : ImSessionCmdlet
    {
        private const string TextSet = "Text";
        private const string PayloadSet = "Payload";

        private IBroadcaster? _client;
        private string _server = string.Empty;

        /// <summary>The sender's user id. Omitted: admin, the user every WildfireChat server creates.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("FromUid", "from_uid", "From_Account", "Sender")]
        [ValidateNotNullOrEmpty]
        public string? From { get; set; }

        /// <summary>The text to broadcast (a WildfireChat text message).</summary>
        [Parameter(ParameterSetName = TextSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Message", "Content")]
        [ValidateNotNullOrEmpty]
        public string? Text { get; set; }

        /// <summary>A WildfireChat MessagePayload as UTF-8 JSON, e.g. {"type":1001,"content":"..."}.</summary>
        [Parameter(ParameterSetName = PayloadSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public byte[]? Payload { get; set; }

        /// <summary>Do not count the message as unread (persistFlag 1).</summary>
        [Parameter]
        public SwitchParameter NoRedDot { get; set; }

        /// <summary>Do not store the message: deliver it to online users only (persistFlag 4, transparent).</summary>
        [Parameter]
        public SwitchParameter NoPersist { get; set; }

        /// <summary>Text of the offline push notification (pushContent).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? PushText { get; set; }

        /// <summary>Data handed to the push service with the notification, not shown (pushData).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? PushData { get; set; }

        /// <summary>Users mentioned (@) in the message (mentionedType 1, mentionedTarget).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Mention { get; set; }

        /// <summary>Mention everyone (mentionedType 2).</summary>
        [Parameter]
        public SwitchParameter MentionAll { get; set; }

        /// <summary>How long the message stays visible (expireDuration, whole seconds rounded up).</summary>
        [Parameter]
        public TimeSpan? Lifetime { get; set; }

        /// <summary>Free text carried to clients with the message, usually JSON (extra).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Extra { get; set; }

        /// <summary>The conversation line (0 when not given).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Line { get; set; }

        /// <summary>Write the broadcast's message id and recipient count.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private MessageOptions _options = MessageOptions.None;

        protected override void BeginProcessing()
        {
            _client = RequireCapability<IBroadcaster>();
            _server = ResolveSession().Name;
            _options = MessageOptionParameters.ReadChecked(this, ResolveSession().Client);
        }

        protected override void ProcessRecord()
        {
            var content = MessageContent.From(Text, Payload);
            var sender = From ?? Senders.Admin;
            if (!ShouldProcess($"every user on '{_server}'", $"Broadcast {SendImMessageCommand.Describe(content)} from {sender}")) return;

            try
            {
                var result = Run(ct => _client!.BroadcastAsync(From, content, !NoRedDot, !NoPersist, _options, ct));
                WriteVerbose($"Broadcast {result.MessageId} went to {result.RecipientCount} users.");
                if (PassThru) WriteObject(result);
            }
            catch (ImException ex)
            {
                WriteItemError(ex, ex is ImInputException ? "ImAdmin.InvalidArgument" : "ImAdmin.BroadcastFailed", (object?)Text ?? Payload);
            }
        }
    }
}
