using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Bulk;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Completion;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// <para type="synopsis">Sends a message to users or channels on any provider; pipeline rows are batched into the provider's bulk call.</para>
    /// </summary>
    // Calls run in the background (up to -ThrottleLimit) while rows keep binding, so results come back in the order
    // calls finish; each result and each error record names its row.
    [Cmdlet(VerbsCommunications.Send, "ImMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = TextSet)]
    [OutputType(typeof(ImSendResult), typeof(ImBulkSummary))]
    public sealed class SendImMessageCommand : ImBulkMessageCmdlet
    {
        private ImClient? _client;
        private MessageBatcher? _batcher;
        private BulkRun<IReadOnlyList<SendRequest>, IReadOnlyList<ItemResult<ImSendResult>>>? _run;
        private readonly JournalKeyCounter _keys = new JournalKeyCounter();
        private readonly Dictionary<SendRequest, JournalKey> _journalled = new Dictionary<SendRequest, JournalKey>();
        private BulkReport? _report;

        /// <summary>The sender's user id. Omitted: the provider's system or admin sender.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("FromUid", "from_uid", "From_Account", "Sender")]
        [ValidateNotNullOrEmpty]
        public string? From { get; set; }

        /// <summary>Recipients: user ids for person channels, channel or group ids otherwise.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("To", "To_Account", "Target", "Uid", "UserId", "channel_id")]
        [ArgumentCompleter(typeof(ChannelIdCompleter))]
        public string[]? ChannelId { get; set; }

        /// <summary>The kind of channel; Person (one-to-one) by default.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("channel_type")]
        public ChannelType ChannelType { get; set; } = ChannelType.Person;



        /// <summary>Your own key for this message, sent one by one: Tencent derives its dedupe key from it; on WuKongIM it settles a send whose answer was lost.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("client_msg_no")]
        [ValidateNotNullOrEmpty]
        public string? ClientMsgNo { get; set; }

        /// <summary>Do not count the message as unread (WuKongIM red_dot 0, Tencent NoUnread, Wildfire persistFlag 1).</summary>
        [Parameter]
        public SwitchParameter NoRedDot { get; set; }

        /// <summary>Do not store the message (WuKongIM no_persist, Tencent online-only, Wildfire transparent).</summary>
        [Parameter]
        public SwitchParameter NoPersist { get; set; }

        // The options below bind per row from CSV columns as well (an empty cell means "not given"); rows whose options
        // differ never share a batch call.

        /// <summary>Title of the offline push notification (Tencent Cloud IM OfflinePushInfo Title).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? PushTitle { get; set; }

        /// <summary>Text of the offline push notification (Tencent Desc, WildfireChat pushContent).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PushDesc", "pushContent")]
        public string? PushText { get; set; }

        /// <summary>Data handed to the push service with the notification, not shown (Tencent Ext, WildfireChat pushData).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PushExt")]
        public string? PushData { get; set; }

        /// <summary>Users mentioned (@) in the message (Tencent group GroupAtInfo, WildfireChat mentionedTarget); in a CSV cell, separate them with ';'.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Mentions")]
        public string[]? Mention { get; set; }

        /// <summary>Mention everyone (@all; WildfireChat mentionedType 2).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [CsvSwitchTransformation]
        public SwitchParameter MentionAll { get; set; }

        /// <summary>How long the message stays visible (Tencent MsgLifeTime, WildfireChat expireDuration in whole seconds, rounded up): a time span, or whole seconds (also in a CSV cell).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("MsgLifeTime")]
        [SecondsTransformation]
        public TimeSpan? Lifetime { get; set; }

        /// <summary>Free text carried to clients with the message, usually JSON (Tencent CloudCustomData, WildfireChat extra).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("CloudCustomData")]
        public string? Extra { get; set; }

        /// <summary>Do not sync the message to the sender's other devices (Tencent SyncOtherMachine 2).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [CsvSwitchTransformation]
        public SwitchParameter NoSyncToSender { get; set; }

        /// <summary>Do not call the server's message callbacks for this message (Tencent ForbidCallbackControl).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [CsvSwitchTransformation]
        public SwitchParameter SkipCallback { get; set; }

        /// <summary>Ask recipients for read receipts (Tencent IsNeedReadReceipt).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [CsvSwitchTransformation]
        public SwitchParameter RequestReadReceipt { get; set; }

        /// <summary>In a group, chatroom or WildfireChat channel: only these members get the message (WildfireChat toUsers).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("ToUsers")]
        public string[]? ToUser { get; set; }

        /// <summary>The conversation line (WildfireChat; 0 when not given).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Line { get; set; }

        /// <summary>Write one result per recipient (message id, success, error).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private MessageOptions _options = MessageOptions.None;

        protected override void BeginProcessing()
        {
            _client = ResolveSession().Client;
            _options = MessageOptionParameters.ReadChecked(this, _client);
            _batcher = new MessageBatcher(_client.GetBatchLimit);
            _run = StartRun(_client.Provider, (IReadOnlyList<SendRequest> batch, System.Threading.CancellationToken ct) => _client.SendAsync(batch, ct), Finished);
            _report = new BulkReport(_run.Progress);
            // -ChannelId a, b, c (not pipeline rows): the total is known, so progress can show percent and time left.
            if (!MyInvocation.ExpectingInput && ChannelId != null) _run.Progress.Total = ChannelId.Length;
        }

        protected override void ProcessRecord()
        {
            var recipients = ChannelId ?? (InputObject?.BaseObject is string single ? new[] { single } : null);
            var badRow = InvalidEnumColumn<ChannelType>(nameof(ChannelType), ChannelTypeAliases) ?? CheckRowText();
            if (badRow != null)
            {
                _run!.Progress.AddRead(Math.Max(1, recipients?.Length ?? 0));
                Fail(badRow, InputObject);
                return;
            }
            if (recipients == null || recipients.Length == 0)
            {
                _run!.Progress.AddRead();
                Fail(new ImInputException(nameof(ChannelId),
                    "No recipient: pass -ChannelId, or pipe rows with a ChannelId, To, UserId or Uid column (or plain user ids)."), InputObject);
                return;
            }

            // The row's own options (CSV columns), once for all its recipients; an option its provider cannot honour fails the row.
            var options = _options;
            ImException? badOptions = null;
            try
            {
                options = MessageOptionParameters.ReadRow(this, _client!, _options);
            }
            catch (ImException ex)
            {
                badOptions = ex;
            }

            foreach (var recipient in recipients)
            {
                _run!.Progress.AddRead();
                var target = RowOr(recipient);
                if (string.IsNullOrWhiteSpace(recipient))
                {
                    Fail(new ImInputException(nameof(ChannelId), "A row has an empty recipient (ChannelId/To/UserId column)."), target);
                    continue;
                }
                if (InputCheck.LoneSurrogate(recipient, nameof(ChannelId)) is { } badRecipient)
                {
                    Fail(badRecipient, target);
                    continue;
                }
                if (EmptyText() is { } empty)
                {
                    Fail(empty, target);
                    continue;
                }
                if (badOptions != null)
                {
                    _run!.Progress.AddFailed();
                    WriteItemFailure(_report!.Failure(recipient, badOptions), badOptions is ImCapabilityException ? "ImAdmin.NotSupported" : "ImAdmin.InvalidArgument", target);
                    continue;
                }
                var content = Content;
                if (!ShouldProcess(ChannelType.ToString() + " " + recipient, ActionText(content)))
                    continue;
                var request = new SendRequest(From, recipient.Trim(), ChannelType, content)
                {
                    ClientMsgNo = ClientMsgNo,
                    RedDot = !NoRedDot,
                    Persist = !NoPersist,
                    Options = options,
                    Source = target,
                };
                try
                {
                    // Limits known before sending (ids, MsgBody fields and size, options per channel type) refuse the row here.
                    _client!.CheckSend(request);
                }
                catch (ImException ex)
                {
                    _run!.Progress.AddFailed();
                    WriteItemFailure(_report!.Failure(request.ChannelId, ex), ex is ImCapabilityException ? "ImAdmin.NotSupported" : "ImAdmin.InvalidArgument", target);
                    continue;
                }
                if (_run!.Journal != null && !Journalled(request)) continue;
                foreach (var batch in _batcher!.Add(request)) Start(batch);
            }
            _run!.Collect();
        }

        protected override void EndProcessing()
        {
            foreach (var batch in _batcher!.Flush()) Start(batch);
            _run!.Finish();
            _run.Summarize(Summary, _report!.Summary("message(s) were not sent"), _report.UnknownSummary());
        }


        /// <summary>
        /// Looks the row up in the journal: false when it must not be sent (sent by an earlier run: skipped; outcome
        /// unknown: reported, since no provider dedupes a repeated send without a key that this run can prove is the same).
        /// </summary>
        private bool Journalled(SendRequest request)
        {
            var content = request.Content.Text ?? Convert.ToBase64String(request.Content.Payload!);
            var key = _keys.Next(JournalKey.Of(request.From, request.ChannelType.ToString(), request.ChannelId, content, request.ClientMsgNo,
                request.RedDot ? "1" : "0", request.Persist ? "1" : "0"));
            if (!_run!.Admit(key, null, Label(request), () => new ImException(ImErrorKind.ServerError,
                        $"Not sent to {request.ChannelId}: an earlier run with this journal may have sent it (its outcome is unknown). Check the conversation on the server; to send it anyway, run without -Journal.")
                    { Provider = _client!.Provider, OutcomeUnknown = true },
                    "ImAdmin.SendOutcomeUnknown", request.Source))
                return false;
            _journalled[request] = key;
            return true;
        }

        private void Start(IReadOnlyList<SendRequest> batch) =>
            _run!.Start(batch, _run.Journal == null ? null : batch.Select(r => new KeyValuePair<JournalKey, string>(_journalled[r], Label(r))));

        private static string Label(SendRequest request) => $"{request.ChannelType} {request.ChannelId}";

        /// <summary>A finished call: one result or error per row, in the journal and the counts.</summary>
        private void Finished(Dispatched<IReadOnlyList<SendRequest>, IReadOnlyList<ItemResult<ImSendResult>>> call)
        {
            var batch = call.Input;
            if (call.Cancelled) throw new PipelineStoppedException();
            IReadOnlyList<ItemResult<ImSendResult>> results;
            ImException? fatal = null;
            if (call.Error == null)
            {
                results = call.Output;
            }
            else if (call.Error is ImException ex)
            {
                results = batch.Select(r => ItemResult<ImSendResult>.Of(r, ex)).ToList();
                // Without valid credentials or a reachable server no later row can succeed either.
                if (ex.EndsRun) fatal = ex;
            }
            else
            {
                throw call.Error;
            }

            for (var i = 0; i < batch.Count; i++)
            {
                var request = batch[i];
                var result = i < results.Count ? results[i] : ItemResult<ImSendResult>.Failure(request, new ImException(ImErrorKind.ServerError,
                    $"Sending to {request.ChannelId} failed: {NoResult}") { Provider = _client!.Provider, ServerMessage = NoResult });
                _journalled.TryGetValue(request, out var key);
                var journalKey = _journalled.Remove(request) ? key : (JournalKey?)null;
                _run!.Record(journalKey, result.Outcome switch
                {
                    ItemOutcome.Succeeded => JournalState.Sent,
                    ItemOutcome.Unknown => JournalState.Unknown,
                    _ => JournalState.Failed,
                }, journalKey.HasValue ? Label(request) : string.Empty);
                // A sent row without -PassThru writes nothing (most rows of a run).
                if (result.Succeeded && !PassThru) continue;
                // A separate id, so a script keeps rows that may be stored apart from rows known not to be.
                WriteResult(result, result.Outcome == ItemOutcome.Unknown ? "ImAdmin.SendOutcomeUnknown" : "ImAdmin.SendFailed", request.Source,
                    new BulkResultWriting<ImSendResult>(error => _report!.Failure(request.ChannelId, error), PassThru, NotSent));
            }

            if (fatal != null)
            {
                var unsent = _batcher!.Flush().SelectMany(b => b).ToList();
                foreach (var request in unsent)
                {
                    _run!.Progress.AddNotSent();
                    WriteItemError(_report!.Failure(request.ChannelId,
                            new ImException(fatal.Kind, $"Not sent to {request.ChannelId}: the run stopped because {fatal.Message}") { Provider = fatal.Provider }),
                        "ImAdmin.SendFailed", request.Source);
                }
                ThrowTerminating(new ImException(fatal.Kind,
                    $"Send-ImMessage stopped after {_run!.Progress.Read} row(s): {fatal.Message} Rows not yet read were not sent.", fatal) { Provider = fatal.Provider },
                    "ImAdmin.SendStopped");
            }
        }

        private static readonly string[] ChannelTypeAliases = { "channel_type" };

        private const string NoResult = "The server returned no result for this recipient.";

        /// <summary>The -PassThru row of a recipient the message did not reach (or may not have): the same columns as a sent one.</summary>
        private ImSendResult NotSent(ItemResult<ImSendResult> result)
        {
            var output = ((SendRequest)result.Input).ToResult(_client!.Provider, succeeded: false);
            output.OutcomeUnknown = result.Outcome == ItemOutcome.Unknown;
            output.Error = result.Error!.Message;
            output.ErrorCode = result.Error.ServerCode;
            return output;
        }

        /// <summary>Blank or badly encoded ids and text of the current row, before anything is sent.</summary>
        private ImInputException? CheckRowText() =>
            InputCheck.Blank(From, nameof(From), "a sender's user id") ??
            InputCheck.Blank(ClientMsgNo, nameof(ClientMsgNo), "a client message number") ??
            InputCheck.LoneSurrogate(From, nameof(From)) ??
            InputCheck.LoneSurrogate(ClientMsgNo, nameof(ClientMsgNo)) ??
            InputCheck.LoneSurrogate(Text, nameof(Text));

        private void Fail(ImInputException error, object? target)
        {
            _run!.Progress.AddFailed();
            WriteItemError(_report!.Failure($"Row {_run.Progress.Read}", error), "ImAdmin.InvalidArgument", target);
        }

        private (MessageContent Content, string? From, string Text)? _action;

        /// <summary>ShouldProcess's action for a row; rows with the same content and sender share one string.</summary>
        private string ActionText(MessageContent content)
        {
            if (_action is not { } last || !ReferenceEquals(last.Content, content) || !string.Equals(last.From, From, StringComparison.Ordinal))
                _action = last = (content, From, $"Send {Describe(content)}" + (From == null ? string.Empty : $" from {From}"));
            return last.Text;
        }

        internal static string Describe(MessageContent content) =>
            content.Text != null ? "'" + (content.Text.Length > 40 ? content.Text.Substring(0, 40) + "…" : content.Text) + "'" : $"a {content.Payload!.Length}-byte payload";
    }
}
