using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// <para type="synopsis">Replaces the content of a sent message (WildfireChat professional edition).</para>
    /// </summary>
    [Cmdlet(VerbsData.Update, "ImMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = TextSet)]
    [OutputType(typeof(ImUpdatedMessage))]
    public sealed class UpdateImMessageCommand : ImSessionCmdlet
    {
        private const string TextSet = "Text";
        private const string PayloadSet = "Payload";

        private IMessageUpdater? _client;
        private string _server = string.Empty;

        /// <summary>
        /// The message to change: a message id, Send-ImMessage -PassThru or Get-ImMessage output, or a CSV row with a
        /// MessageId column (whose Text or Payload column is the new content). -MessageId is its other name.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("MessageId")]
        [ValidateNotNull]
        [ValidateMessageIdentity]
        public ImMessagePipeBind Identity { get; set; } = null!;

        /// <summary>The new text; each provider wraps it in its own text message format.</summary>
        [Parameter(ParameterSetName = TextSet, Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Message", "Content")]
        [ValidateNotNullOrEmpty]
        public string? Text { get; set; }

        /// <summary>A raw payload, sent as is (its format is the provider's: see the help).</summary>
        [Parameter(ParameterSetName = PayloadSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public byte[]? Payload { get; set; }

        /// <summary>The user recorded as having changed the message. Default: admin.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Operator { get; set; } = Senders.Admin;

        /// <summary>Change the server's copy only; clients that already have the message are not told.</summary>
        [Parameter]
        public SwitchParameter NoDistribute { get; set; }

        /// <summary>Write the updated message's id and new content.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            _client = RequireCapability<IMessageUpdater>();
            _server = ResolveSession().Name;
        }

        protected override void ProcessRecord()
        {
            var message = Identity.ToIdentity(MessageScope.Message, new string[0]);
            try
            {
                _client!.KeyOf(message, MyInvocation.MyCommand.Name);
            }
            catch (ImException ex)
            {
                WriteItemFailure(ex, ex is ImInputException ? "ImAdmin.InvalidArgument" : "ImAdmin.UpdateMessageFailed", Identity.Input);
                return;
            }
            var content = MessageContent.From(Text, Payload);
            var action = $"Replace the content with {SendImMessageCommand.Describe(content)}" + (NoDistribute ? " (server copy only)" : string.Empty);
            if (!ShouldProcess($"{message} on '{_server}'", action)) return;
            try
            {
                var result = Run(ct => _client!.UpdateAsync(message, content, !NoDistribute, Operator, ct));
                if (PassThru) WriteObject(result);
            }
            catch (ImException ex)
            {
                WriteItemFailure(ex, ex is ImInputException ? "ImAdmin.InvalidArgument" : "ImAdmin.UpdateMessageFailed", Identity.Input);
            }
        }
    }
}
