using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Bulk;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Base
{
    /// <summary>
    /// A message cmdlet that moves many rows (Send-ImMessage, Import-ImMessage): the message content (-Text or -Payload,
    /// two parameter sets, bound alike from CSV columns), -ThrottleLimit, -Journal and -Summary, and the
    /// <see cref="BulkRun{TCall,TResult}"/> they configure.
    /// </summary>
    public abstract class ImBulkMessageCmdlet : ImRowCmdlet, IBulkParameters
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

        private MessageContent? _content;
        private string? _contentText;
        private byte[]? _contentPayload;

        /// <summary>
        /// The content of the current row (check <see cref="EmptyText"/> first): the previous row's when the text and
        /// payload are the same objects (a -Text given once), so such rows share one.
        /// </summary>
        protected MessageContent Content
        {
            get
            {
                if (_content == null || !ReferenceEquals(_contentText, Text) || !ReferenceEquals(_contentPayload, Payload))
                    (_content, _contentText, _contentPayload) = (MessageContent.From(Text, Payload), Text, Payload);
                return _content;
            }
        }

        /// <summary>
        /// The error for a row with neither text nor payload, naming -Text; null when the row has content. (-Text admits
        /// empty values for the rows that carry a payload as well, so the check is here rather than on the parameter.)
        /// </summary>
        protected ImInputException? EmptyText() => Payload == null && string.IsNullOrEmpty(Text)
            ? new ImInputException(nameof(Text), "The message text is empty. Give -Text (or a Text, Message or Content column) a value, or send a -Payload.")
            : null;

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

        /// <summary>The run of this invocation, from -ThrottleLimit (or the provider's default) and -Journal.</summary>
        internal BulkRun<TCall, TResult> StartRun<TCall, TResult>(ImProvider provider,
            Func<TCall, CancellationToken, Task<TResult>> call, Action<Dispatched<TCall, TResult>> onFinished)
            => BulkRun.Create(this, this, provider, call, onFinished);
    }
}
