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
    /// openim/importmsg (contract §4.3): one historical C2C message per call. The server keeps the first import of a
    /// (From, To, MsgRandom, MsgTimeStamp, MsgSeq) key for good, so MsgSeq and MsgRandom derive from the row itself:
    /// a retry or a re-run of the same CSV imports nothing twice.
    /// </summary>
    public sealed partial class TencentClient : IMessageImporter
    {
        /// <summary>SyncFromOldSystem 1: a real-time import, counted as unread.</summary>
        public const int RealtimeImport = MessageImport.RealtimeImport;

        /// <summary>SyncFromOldSystem 2: a historical import, marked read.</summary>
        public const int HistoricalImport = MessageImport.HistoricalImport;

        int IMessageImporter.ImportBatchSize => 1;

        string IMessageImporter.DefaultImportSender => "the admin identifier";

        void IMessageImporter.CheckImportOptions(int? syncFromOldSystem)
        {
            if (syncFromOldSystem.HasValue && syncFromOldSystem != RealtimeImport && syncFromOldSystem != HistoricalImport)
                throw new ImInputException("SyncFromOldSystem", "-SyncFromOldSystem is 1 (real-time import, counted as unread) or 2 (historical import, marked read).");
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
                throw new ImInputException("SyncFromOldSystem", "-SyncFromOldSystem is 1 (real-time import, counted as unread) or 2 (historical import, marked read).");

            var from = ValidAccount(request.From ?? Connection.Identifier, "From");
            var to = ValidAccount(request.ChannelId, "ChannelId");
            var elements = Elements(request.Content);
            var time = row.Timestamp.ToUnixTimeSeconds();
            var (seq, random) = HashIds($"{from}\n{to}\n{time}\n{ImJson.Serialize(elements)}");
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
