using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Engine.Providers.Wildfire
{
    public sealed partial class WildfireClient : IMessageImporter
    {
        int IMessageImporter.ImportBatchSize => ImportBatchSize;

        /// <summary>The import API takes no client key: a repeated row is stored twice.</summary>
        bool IMessageImporter.ImportRepeatsAreDeduped => false;

        string IMessageImporter.DefaultImportSender => DefaultSender;

        void IMessageImporter.CheckImportOptions(int? syncFromOldSystem)
        {
            if (syncFromOldSystem.HasValue)
                throw new ImInputException("SyncFromOldSystem", "-SyncFromOldSystem is a Tencent Cloud IM import option; WildfireChat has no such setting. Leave it out.");
        }

        void IMessageImporter.CheckImportRow(MessageImport row) => CheckRow(row.Message);

        string? IMessageImporter.DescribeImport(int syncFromOldSystem) => null;

        Task<IReadOnlyList<ImSendResult>> IMessageImporter.ImportAsync(IReadOnlyList<MessageImport> batch, int syncFromOldSystem, CancellationToken cancellationToken) =>
            ImportAsync(batch, cancellationToken);

        /// <summary>
        /// Messages per /admin/message/import call. The server documents no cap; a hundred keeps each call far inside
        /// the 100 MiB body limit and the IM core's 5 s, so a failed call costs little to re-run.
        /// </summary>
        public const int ImportBatchSize = 100;

        /// <summary>
        /// Throws the error an import of <paramref name="request"/> would throw for the row itself (a channel type
        /// WildfireChat lacks, a payload that is not a MessagePayload), so one bad row need not fail its batch.
        /// </summary>
        public static void CheckRow(SendRequest request)
        {
            WildfireConversation.TypeOf(request.ChannelType);
            WildfirePayload.Build(request);
        }

        /// <summary>
        /// POST /admin/message/import (newer servers, for migrating history before go-live): stores the messages with
        /// their original times. Importing twice would store everything twice and the API has no dedupe key, so a
        /// call is never repeated after an answer that may mean "done". A failed call fails its whole batch (throws).
        /// </summary>
        public async Task<IReadOnlyList<ImSendResult>> ImportAsync(IReadOnlyList<MessageImport> batch, CancellationToken cancellationToken)
        {
            if (batch.Count > ImportBatchSize) throw new ArgumentException($"At most {ImportBatchSize} messages per call.", nameof(batch));
            var messages = batch.Select(m => new ImportItem(
                string.IsNullOrEmpty(m.Message.From) ? DefaultSender : m.Message.From!,
                Conversation(m.Message.ChannelId, m.Message.ChannelType),
                WildfirePayload.Build(m.Message),
                m.Receivers,
                m.Timestamp.ToUnixTimeMilliseconds())).ToList();
            await CallAsync("/admin/message/import", new ImportBody(messages), RetrySafety.NotProcessedOnly, cancellationToken).ConfigureAwait(false);
            return batch.Select((m, i) =>
            {
                var imported = m.Message.ToResult(Provider, succeeded: true);
                imported.From = messages[i].Sender;
                imported.Timestamp = m.Timestamp;
                return imported;
            }).ToList();
        }

        private sealed class ImportBody
        {
            public ImportBody(IReadOnlyList<ImportItem> messages) => Messages = messages;

            [JsonPropertyName("messages")]
            public IReadOnlyList<ImportItem> Messages { get; }
        }

        private sealed class ImportItem
        {
            public ImportItem(string sender, WildfireConversation conversation, JsonObject payload, IReadOnlyList<string>? receivers, long timestamp)
            {
                Sender = sender;
                Conversation = conversation;
                Payload = payload;
                Receivers = receivers;
                Timestamp = timestamp;
            }

            [JsonPropertyName("sender")]
            public string Sender { get; }

            [JsonPropertyName("conversation")]
            public WildfireConversation Conversation { get; }

            [JsonPropertyName("payload")]
            public JsonObject Payload { get; }

            [JsonPropertyName("receivers")]
            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
            public IReadOnlyList<string>? Receivers { get; }

            [JsonPropertyName("timestamp")]
            public long Timestamp { get; }
        }
    }
}
