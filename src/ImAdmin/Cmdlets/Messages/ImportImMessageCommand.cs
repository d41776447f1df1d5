using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Tencent;
using ImAdmin.Engine.Providers.Wildfire;
using ImAdmin.Engine.Sessions;

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

        private readonly List<MessageImport> _pending = new List<MessageImport>();
        private ImportOccurrences? _occurrences;
        private WildfireClient? _client;
        private TencentClient? _tencent;

        /// <summary>The original sender. Omitted: admin.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("FromUid", "from_uid", "From_Account", "Sender")]
        [ValidateNotNullOrEmpty]
        public string? From { get; set; }

        /// <summary>The conversation: the other user for Person, otherwise the group, chatroom or channel id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("To", "To_Account", "Target", "Uid", "UserId", "channel_id")]
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
        public int SyncFromOldSystem { get; set; } = TencentClient.HistoricalImport;

        /// <summary>Write one result per imported row.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            const string capability = "Import-ImMessage (importing message history)";
            if (ResolveSession().Provider == ImProvider.TencentCloud)
            {
                _tencent = RequireClient<TencentClient>(capability);
                _occurrences = new ImportOccurrences(_tencent.DefaultSender);
                return;
            }
            _client = RequireClient<WildfireClient>(capability);
            if (MyInvocation.BoundParameters.ContainsKey(nameof(SyncFromOldSystem)))
                ThrowInvalidArgument(nameof(SyncFromOldSystem), "-SyncFromOldSystem is a Tencent Cloud IM import option; WildfireChat has no such setting. Leave it out.");
        }

        protected override void ProcessRecord()
        {
            var content = Content;
            var sent = new DateTimeOffset(Timestamp);
            var request = new SendRequest(From, ChannelId, ChannelType, content) { Source = RowOr(ChannelId) };
            if (_tencent != null)
            {
                var row = new MessageImport(request, sent, Receiver);
                // Identical-looking rows (same sender, recipient, second and text) are told apart by their number among them.
                _occurrences!.Number(row);
                ImportToTencent(row);
                return;
            }
            try
            {
                WildfireClient.CheckRow(request);
            }
            catch (ImException ex)
            {
                // A bad row must not fail the other rows of its batch.
                WriteItemError(ex, "ImAdmin.InvalidArgument", request.Source);
                return;
            }
            if (!ShouldProcess($"{ChannelType} {ChannelId}", $"Import {SendImMessageCommand.Describe(content)} from {From ?? WildfireClient.DefaultSender} sent {sent:u}")) return;
            _pending.Add(new MessageImport(request, sent, Receiver));
            if (_pending.Count >= WildfireClient.ImportBatchSize) Flush();
        }

        protected override void EndProcessing() => Flush();

        /// <summary>Tencent takes one message per call, so each row is imported (or fails) on its own, at once.</summary>
        private void ImportToTencent(MessageImport row)
        {
            var kind = SyncFromOldSystem == TencentClient.RealtimeImport ? "real-time, counted as unread" : "historical, marked read";
            if (!ShouldProcess($"{ChannelType} {ChannelId}",
                    $"Import {SendImMessageCommand.Describe(row.Message.Content)} from {From ?? "the admin identifier"} sent {row.Timestamp:u} ({kind})")) return;
            try
            {
                var result = Run(ct => _tencent!.ImportAsync(row, SyncFromOldSystem, ct));
                if (PassThru) WriteObject(result);
            }
            catch (ImException ex)
            {
                WriteItemFailure(ex, "ImAdmin.ImportMessageFailed", row.Message.Source);
            }
        }

        private void Flush()
        {
            if (_pending.Count == 0) return;
            var batch = _pending.ToList();
            _pending.Clear();
            try
            {
                var results = Run(ct => _client!.ImportAsync(batch, ct));
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
