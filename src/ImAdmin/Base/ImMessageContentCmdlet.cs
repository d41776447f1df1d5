using System.Management.Automation;
using ImAdmin.Engine.Errors;
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

        /// <summary>
        /// The text; each provider wraps it in its own text message format. A row that carries a Payload as well (a
        /// Get-ImMessage row) binds to the Payload set and the payload is what is sent; such a row's Text may be empty.
        /// </summary>
        [Parameter(ParameterSetName = TextSet, Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = PayloadSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Message", "Content")]
        [AllowNull]
        [AllowEmptyString]
        public string? Text { get; set; }

        /// <summary>A raw payload, sent as is (its format is the provider's: see each cmdlet's help).</summary>
        [Parameter(ParameterSetName = PayloadSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public byte[]? Payload { get; set; }

        /// <summary>The content of the current row (check <see cref="EmptyText"/> first).</summary>
        protected MessageContent Content => MessageContent.From(Text, Payload);

        /// <inheritdoc cref="EmptyTextOf"/>
        protected ImInputException? EmptyText() => EmptyTextOf(Text, Payload);

        /// <summary>
        /// The error for a row with neither text nor payload, naming -Text; null when the row has content. (-Text admits
        /// empty values for the rows that carry a payload as well, so the check is here rather than on the parameter.)
        /// </summary>
        internal static ImInputException? EmptyTextOf(string? text, byte[]? payload) => payload == null && string.IsNullOrEmpty(text)
            ? new ImInputException(nameof(Text), "The message text is empty. Give -Text (or a Text, Message or Content column) a value, or send a -Payload.")
            : null;
    }
}
