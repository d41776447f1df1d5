using System;
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
    /// <para type="description">
    /// One call per row, run through <see cref="RowCalls"/> (-ThrottleLimit, -Journal, -Summary): rows run concurrently
    /// and their results may come out of input order (each names its message). -Identity takes whole pipeline objects
    /// and keeps the row for error records, so this is a session cmdlet that declares the three itself.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsData.Update, "ImMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = TextSet)]
    [OutputType(typeof(ImUpdatedMessage), typeof(ImBulkSummary))]
    public sealed class UpdateImMessageCommand : ImSessionCmdlet, IBulkParameters
    {
        private const string TextSet = "Text";
        private const string PayloadSet = "Payload";

        private IMessageUpdater? _client;
        private string _server = string.Empty;
        private RowCalls _calls = null!;

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

        /// <inheritdoc cref="IBulkParameters.ThrottleLimit"/>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; }

        /// <inheritdoc cref="IBulkParameters.Journal"/>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Journal { get; set; }

        /// <inheritdoc cref="IBulkParameters.Summary"/>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        protected override void BeginProcessing()
        {
            _client = RequireCapability<IMessageUpdater>();
            _server = ResolveSession().Name;
            _calls = new RowCalls(this, this, "ImAdmin.UpdateMessageFailed");
        }

        protected override void EndProcessing() => _calls.Finish();

        protected override void ProcessRecord()
        {
            var (message, row) = (Identity.ToIdentity(MessageScope.Message, new string[0]), Identity.Input);
            object key;
            try
            {
                key = _client!.KeyOf(message, MyInvocation.MyCommand.Name);
            }
            catch (ImException ex)
            {
                WriteItemFailure(ex, ex is ImInputException ? "ImAdmin.InvalidArgument" : "ImAdmin.UpdateMessageFailed", row);
                return;
            }
            var content = MessageContent.From(Text, Payload);
            var (distribute, operatorId) = (!NoDistribute.IsPresent, Operator);
            var action = $"Replace the content with {SendImMessageCommand.Describe(content)}" + (distribute ? string.Empty : " (server copy only)");
            if (!ShouldProcess($"{message} on '{_server}'", action)) return;
            var keyFields = new[] { key.ToString(), content.Text ?? Convert.ToBase64String(content.Payload!), distribute ? "1" : "0", operatorId };
            _calls.Queue(row, message.ToString(), keyFields, ct => _client!.UpdateAsync(message, content, distribute, operatorId, ct),
                result => { if (PassThru) WriteObject(result); });
        }
    }
}
