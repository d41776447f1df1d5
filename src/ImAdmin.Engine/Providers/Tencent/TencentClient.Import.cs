using System.Collections.Generic;
using System;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>
    /// openim/importmsg: one historical C2C message per call. The server treats an import as a repeat — answered OK and
    /// discarded — when its conversation (either direction) already has one with the same MsgSeq, MsgRandom and
    /// MsgTimeStamp, whatever the content (docs/server-behaviour/tencent.md). So MsgSeq and MsgRandom derive from the
    /// row's identity: sender, recipient, time, content and its <see cref="MessageImport.Occurrence"/> among identical
    /// rows. Two distinct rows get distinct keys; a retry or a re-run of the same input reuses them and imports nothing twice.
    /// </summary>
    public sealed partial class TencentClient : IMessageImporter
    {
        /// <summary>SyncFromOldSystem 2: a historical import, marked read and not pushed.</summary>
        public const int HistoricalImport = MessageImport.HistoricalImport;

        /// <summary>SyncFromOldSystem 5: a real-time import, counted as unread and pushed (older pages said 1).</summary>
        public const int RealtimeImport = MessageImport.RealtimeImport;

        int IMessageImporter.ImportBatchSize => 1;

        bool IMessageImporter.ImportRepeatsAreDeduped => true;

        string IMessageImporter.DefaultImportSender => Connection.Identifier!;

        void IMessageImporter.CheckImportOptions(int? syncFromOldSystem)
        {
            if (syncFromOldSystem.HasValue && syncFromOldSystem != RealtimeImport && syncFromOldSystem != HistoricalImport)
                throw new ImInputException("SyncFromOldSystem", $"-SyncFromOldSystem is {HistoricalImport} (historical import, marked read) or {RealtimeImport} (real-time import, counted as unread); current Tencent servers refuse other values (1 came from older documentation).");
        }

        /// <summary>Rows are imported one per call, so a bad row already fails alone: nothing to check ahead.</summary>
        void IMessageImporter.CheckImportRow(MessageImport row)
        {
        }

        string? IMessageImporter.DescribeImport(int syncFromOldSystem) =>
            syncFromOldSystem == RealtimeImport ? "real-time, counted as unread" : "historical, marked read";

        async Task<IReadOnlyList<ImSendResult>> IMessageImporter.ImportAsync(IReadOnlyList<MessageImport> batch, int syncFromOldSystem, CancellationToken cancellationToken)
        {
            var results = new List<ImSendResult>();
            foreach (var row in batch) results.Add(await ImportAsync(row, syncFromOldSystem, cancellationToken).ConfigureAwait(false));
            return results;
        }

        private const string ImportApi = "openim/importmsg";

        public async Task<ImSendResult> ImportAsync(MessageImport row, int syncFromOldSystem, CancellationToken cancellationToken)
        {
            var request = row.Message;
            if (request.ChannelType != ChannelType.Person)
                throw new ImInputException("ChannelType", $"Tencent Cloud IM imports one-to-one messages only (openim/importmsg); -ChannelType {request.ChannelType} cannot be imported. Use -ChannelType Person with the recipient's UserID as -ChannelId.");
            if (row.Receivers != null)
                throw new ImInputException("Receiver", "-Receiver is for WildfireChat group imports; a Tencent Cloud IM import goes to the one user named by -ChannelId.");
            if (syncFromOldSystem != RealtimeImport && syncFromOldSystem != HistoricalImport)
                throw new ImInputException("SyncFromOldSystem", $"-SyncFromOldSystem is {HistoricalImport} (historical import, marked read) or {RealtimeImport} (real-time import, counted as unread); current Tencent servers refuse other values (1 came from older documentation).");

            var from = ValidAccount(request.From ?? Connection.Identifier, "From");
            var to = ValidAccount(request.ChannelId, "ChannelId");
            var elements = TencentMsgBody.Build(request.Content, import: true);
            var time = row.Timestamp.ToUnixTimeSeconds();
            // 64 bits of a SHA-256 of the identity: distinct rows of one conversation and second do not collide in practice.
            // The first occurrence keeps the key earlier versions sent, so their imports stay deduped on a re-run.
            var identity = $"{from}\n{to}\n{time}\n{ImJson.Serialize(elements)}";
            var (seq, random) = HashIds(row.Occurrence == 0 ? identity : identity + "\n#" + row.Occurrence);
            var body = new ImportMsgBody
            {
                SyncFromOldSystem = syncFromOldSystem,
                FromAccount = from,
                ToAccount = to,
                MsgSeq = seq,
                MsgRandom = random,
                MsgTimeStamp = time,
                MsgBody = elements,
            };
            await CallAsync(ImportApi, body, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            return Sent(request, null, DateTimeOffset.FromUnixTimeSeconds(time));
        }

        private sealed class ImportMsgBody
        {
            [JsonPropertyName("SyncFromOldSystem")]
            public int SyncFromOldSystem { get; set; }

            [JsonPropertyName("From_Account")]
            public string FromAccount { get; set; } = string.Empty;

            [JsonPropertyName("To_Account")]
            public string ToAccount { get; set; } = string.Empty;

            [JsonPropertyName("MsgSeq")]
            public uint MsgSeq { get; set; }

            [JsonPropertyName("MsgRandom")]
            public uint MsgRandom { get; set; }

            /// <summary>Always sent (the seed's omitempty lost it): the original time, Unix seconds.</summary>
            [JsonPropertyName("MsgTimeStamp")]
            public long MsgTimeStamp { get; set; }

            [JsonPropertyName("MsgBody")]
            public MsgElement[] MsgBody { get; set; } = Array.Empty<MsgElement>();
        }
    }
}
