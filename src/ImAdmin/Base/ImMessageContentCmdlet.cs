using System.Management.Automation;
using ImAdmin.Engine.Messaging;

namespace ImAdmin.Base
{
    /// <summary>
    /// A row cmdlet whose message content is either -Text or -Payload (two parameter sets), both bindable from CSV
    /// columns (Update-ImMessage). They are declared as in <see cref="ImBulkMessageCmdlet"/>, so the message cmdlets bind alike.
    /// </summary>
    public abstract class ImMessageContentCmdlet : ImRowCmdlet
    {
        protected const string TextSet = "Text";
        protected const string PayloadSet = "Payload";

        /// <summary>The text; each provider wraps it in its own text message format.</summary>
        [Parameter(ParameterSetName = TextSet, Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Message", "Content")]
        [ValidateNotNullOrEmpty]
        public string? Text { get; set; }

        /// <summary>A raw payload, sent as is (its format is the provider's: see each cmdlet's help).</summary>
        [Parameter(ParameterSetName = PayloadSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public byte[]? Payload { get; set; }

        /// <summary>The content of the current row.</summary>
        protected MessageContent Content => MessageContent.From(Text, Payload);
    }
}
