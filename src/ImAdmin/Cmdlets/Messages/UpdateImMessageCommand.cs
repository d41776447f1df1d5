using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Wildfire;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// <para type="synopsis">Replaces the content of a sent message (WildfireChat professional edition).</para>
    /// </summary>
    [Cmdlet(VerbsData.Update, "ImMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = TextSet)]
    [OutputType(typeof(ImUpdatedMessage))]
    public sealed class UpdateImMessageCommand : ImMessageContentCmdlet
    {

        private WildfireClient? _client;
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
            _client = RequireClient<WildfireClient>("Update-ImMessage (replacing a message's content)");
            _server = ResolveSession().Name;
        }

        protected override void ProcessRecord()
        {
            var content = Content;
            var action = $"Replace the content with {SendImMessageCommand.Describe(content)}" + (NoDistribute ? " (server copy only)" : string.Empty);
            if (!ShouldProcess($"message {MessageId} on '{_server}'", action)) return;
            try
            {
                var result = Run(ct => _client!.UpdateMessageAsync(MessageId, content, !NoDistribute, Operator, ct));
                if (PassThru) WriteObject(result);
            }
            catch (ImException ex)
            {
                WriteItemFailure(ex, ex is ImInputException ? "ImAdmin.InvalidArgument" : "ImAdmin.UpdateMessageFailed", RowOr(MessageId));
            }
        }
    }
}
