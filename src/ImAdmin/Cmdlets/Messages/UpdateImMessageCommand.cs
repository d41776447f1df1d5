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
    public sealed class UpdateImMessageCommand : ImMessageContentCmdlet
    {

        private IMessageUpdater? _client;
        private string _server = string.Empty;

        /// <summary>The server message id (binds from Send-ImMessage -PassThru and Get-ImMessage output).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long MessageId { get; set; }



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
            var message = new MessageIdentity { MessageId = MessageId };
            try
            {
                _client!.KeyOf(message, MyInvocation.MyCommand.Name);
            }
            catch (ImException ex)
            {
                WriteItemFailure(ex, ex is ImInputException ? "ImAdmin.InvalidArgument" : "ImAdmin.UpdateMessageFailed", RowOr(MessageId));
                return;
            }
            if (EmptyText() is { } empty)
            {
                WriteItemError(empty, "ImAdmin.InvalidArgument", RowOr(MessageId));
                return;
            }
            var content = Content;
            var action = $"Replace the content with {SendImMessageCommand.Describe(content)}" + (NoDistribute ? " (server copy only)" : string.Empty);
            if (!ShouldProcess($"message {MessageId} on '{_server}'", action)) return;
            try
            {
                var result = Run(ct => _client!.UpdateAsync(message, content, !NoDistribute, Operator, ct));
                if (PassThru) WriteObject(result);
            }
            catch (ImException ex)
            {
                WriteItemFailure(ex, ex is ImInputException ? "ImAdmin.InvalidArgument" : "ImAdmin.UpdateMessageFailed", RowOr(MessageId));
            }
        }
    }
}
