using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImAdmin.Base;
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
    [OutputType(typeof(ImSendResult))]
    public sealed class ImportImMessageCommand : ImMessageContentCmdlet
    {

        /// <summary>Rows waiting for a full batch (one group: every row of an import can share a call).</summary>
        private RowBatcher<bool, MessageImport>? _pending;
        private IMessageImporter? _client;

        /// <summary>Numbers identical-looking rows (same sender, recipient, second and content) so each keeps its own identity.</summary>
        private ImportOccurrences? _occurrences;

        /// <summary>The original sender. Omitted: admin.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("FromUid", "from_uid", "From_Account", "Sender")]
        [ValidateNotNullOrEmpty]
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



        /// <summary>When the message was originally sent.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SentAt", "Time")]
        public DateTime Timestamp { get; set; }

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
            var content = Content;
            var row = new MessageImport(new SendRequest(From, ChannelId, ChannelType, content) { Source = RowOr(ChannelId) }, new DateTimeOffset(Timestamp), Receiver);
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
                    $"Import {SendImMessageCommand.Describe(content)} from {From ?? _client.DefaultImportSender} sent {row.Timestamp:u}" + (note == null ? string.Empty : $" ({note})"))) return;
            foreach (var batch in _pending!.Add(true, row, _client.ImportBatchSize)) Import(batch.Items);
        }

        protected override void EndProcessing()
        {
            foreach (var batch in _pending!.Flush()) Import(batch.Items);
        }

        private void Import(IReadOnlyList<MessageImport> batch)
        {
            try
            {
                var results = Run(ct => _client!.ImportAsync(batch, SyncFromOldSystem, ct));
                WriteVerbose($"Imported {results.Count} messages.");
                if (PassThru) foreach (var result in results) WriteObject(result);
            }
            catch (ImException ex)
            {
                // The server takes a batch whole or not at all: every row of it failed.
                foreach (var item in batch) WriteItemFailure(ex, "ImAdmin.ImportMessageFailed", item.Message.Source);
            }
        }
    }
}
