using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Bulk;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Batching;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Completion;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// <para type="synopsis">Imports historical messages with their original times (Tencent Cloud IM one-to-one, WildfireChat; before go-live).</para>
    /// </summary>
    // No default parameter set: with one, PowerShell settles on -Text for a row whose Payload binds as is while another
    // column (a string Timestamp) needs conversion.
    [Cmdlet(VerbsData.Import, "ImMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    // Calls run in the background (up to -ThrottleLimit) while rows keep binding: results come back as calls finish.
    [OutputType(typeof(ImSendResult), typeof(ImBulkSummary))]
    public sealed class ImportImMessageCommand : ImBulkMessageCmdlet
    {
        /// <summary>Rows waiting for a full batch (one group: every row of an import can share a call).</summary>
        private RowBatcher<bool, MessageImport>? _pending;
        private IMessageImporter? _client;
        private BulkRun<IReadOnlyList<MessageImport>, IReadOnlyList<ImSendResult>>? _run;
        private readonly Dictionary<MessageImport, JournalKey> _journalled = new Dictionary<MessageImport, JournalKey>();

        /// <summary>
        /// Numbers identical-looking rows (same sender, recipient, second and content) so each keeps its own identity: the
        /// one count behind both the Tencent dedupe key and the journal key.
        /// </summary>
        private ImportOccurrences? _occurrences;

        /// <summary>The original sender. Omitted or empty (an empty CSV cell, an old system's own messages, a system message read by Get-ImMessage): the admin.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("FromUid", "from_uid", "From_Account", "Sender")]
        public string? From { get; set; }

        /// <summary>The conversation: the other user for Person, otherwise the group, chatroom or channel id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("To", "To_Account", "Target", "Uid", "UserId", "channel_id")]
        [ArgumentCompleter(typeof(ChannelIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string ChannelId { get; set; } = string.Empty;

        /// <summary>The kind of conversation; Person by default.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("channel_type")]
        public ChannelType ChannelType { get; set; } = ChannelType.Person;



        /// <summary>When the message was originally sent (a time without an offset is local time). A DateTimeOffset, so Get-ImMessage rows bind.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SentAt", "Time")]
        public DateTimeOffset Timestamp { get; set; }

        /// <summary>Only these members of a group-like conversation received it. Omitted: everyone.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Receiver { get; set; }

        /// <summary>Tencent Cloud IM: 2 = historical import (marked read, not pushed; the default), 5 = real-time import (counted as unread, pushed).</summary>
        [Parameter]
        [ValidateSet("2", "5")]
        public int SyncFromOldSystem { get; set; } = MessageImport.HistoricalImport;

        /// <summary>Write one result per imported row.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }


        protected override void BeginProcessing()
        {
            _client = RequireCapability<IMessageImporter>();
            _pending = new RowBatcher<bool, MessageImport>(_client.ImportBatchSize);
            var client = _client;
            _run = StartRun(ResolveSession().Provider,
                (IReadOnlyList<MessageImport> batch, System.Threading.CancellationToken ct) => client.ImportAsync(batch, SyncFromOldSystem, ct), Finished);
            _occurrences = new ImportOccurrences(_client.DefaultImportSender);
            try
            {
                _client.CheckImportOptions(MyInvocation.BoundParameters.ContainsKey(nameof(SyncFromOldSystem)) ? SyncFromOldSystem : (int?)null);
            }
            catch (ImInputException ex)
            {
                ThrowTerminating(ex, "ImAdmin.InvalidArgument");
            }
        }

        protected override void ProcessRecord()
        {
            if (EmptyText() is { } empty)
            {
                WriteItemError(empty, "ImAdmin.InvalidArgument", RowOr(ChannelId));
                return;
            }
            var content = Content;
            // The sender in one spelling before any key is made from the row: an empty sender and the admin by name are the same sender.
            var from = Senders.Canonical(From, _client!.DefaultImportSender);
            var row = new MessageImport(new SendRequest(from, ChannelId, ChannelType, content) { Source = RowOr(ChannelId) }, Timestamp, Receiver);
            try
            {
                _client!.CheckImportRow(row);
            }
            catch (ImException ex)
            {
                // A bad row must not fail the other rows of its batch.
                WriteItemError(ex, "ImAdmin.InvalidArgument", row.Message.Source);
                return;
            }
            _occurrences!.Number(row);
            var note = _client.DescribeImport(SyncFromOldSystem);
            if (!ShouldProcess($"{ChannelType} {ChannelId}",
                    $"Import {SendImMessageCommand.Describe(content)} from {from ?? _client.DefaultImportSender} sent {row.Timestamp:u}" + (note == null ? string.Empty : $" ({note})"))) return;
            if (_run!.Journal != null && !Journalled(row)) return;
            foreach (var batch in _pending!.Add(true, row, _client.ImportBatchSize)) Start(batch.Items);
            _run.Collect();
        }

        protected override void EndProcessing()
        {
            foreach (var batch in _pending!.Flush()) Start(batch.Items);
            _run!.Finish();
            _run.Summarize(Summary);
        }


        /// <summary>
        /// Looks the row up in the journal: false when it must not be imported (imported by an earlier run: skipped;
        /// outcome unknown on a server that would store it twice: reported).
        /// </summary>
        private bool Journalled(MessageImport row)
        {
            var m = row.Message;
            var key = JournalKey.Of("import", m.From, m.ChannelType.ToString(), m.ChannelId, m.Content.Text ?? Convert.ToBase64String(m.Content.Payload!),
                row.Timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), row.Receivers == null ? null : string.Join(",", row.Receivers)).Nth(row.Occurrence);
            // A server that keeps one copy of a repeated row makes an unknown row safe to import again, whenever.
            if (!_run!.Admit(key, _client!.ImportRepeatsAreDeduped ? TimeSpan.MaxValue : (TimeSpan?)null, Label(row), () => new ImException(ImErrorKind.ServerError,
                        $"Not imported: an earlier run with this journal may have imported the message to {m.ChannelId} sent {row.Timestamp:u} (its outcome is unknown), and this server would store it twice. Check the conversation; to import it anyway, run without -Journal.")
                    { OutcomeUnknown = true },
                    "ImAdmin.ImportOutcomeUnknown", m.Source))
                return false;
            _journalled[row] = key;
            return true;
        }

        private void Start(IReadOnlyList<MessageImport> batch) =>
            _run!.Start(batch, _run.Journal == null ? null : batch.Select(r => new KeyValuePair<JournalKey, string>(_journalled[r], Label(r))));

        private static string Label(MessageImport row) => $"{row.Message.ChannelType} {row.Message.From}->{row.Message.ChannelId} {row.Timestamp:u}";

        private JournalKey? Forget(MessageImport row) => _journalled.TryGetValue(row, out var key) && _journalled.Remove(row) ? key : (JournalKey?)null;

        /// <summary>A finished call: the server takes a batch whole or not at all.</summary>
        private void Finished(Dispatched<IReadOnlyList<MessageImport>, IReadOnlyList<ImSendResult>> call)
        {
            if (call.Cancelled) throw new PipelineStoppedException();
            if (call.Error is ImException ex)
            {
                foreach (var item in call.Input)
                {
                    _run!.Record(Forget(item), ex.OutcomeUnknown ? JournalState.Unknown : JournalState.Failed, Label(item));
                    WriteItemFailure(ex, "ImAdmin.ImportMessageFailed", item.Message.Source);
                }
                return;
            }
            if (call.Error != null) throw call.Error;
            foreach (var item in call.Input) _run!.Record(Forget(item), JournalState.Sent, Label(item));
            WriteVerbose($"Imported {call.Output.Count} messages.");
            if (PassThru) foreach (var result in call.Output) WriteObject(result);
        }
    }
}
