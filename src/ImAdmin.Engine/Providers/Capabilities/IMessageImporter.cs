using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that imports message history with the original send times (Import-ImMessage).</summary>
    [ImCapability("Import-ImMessage (importing message history)", Instead = "Send-ImMessage sends new messages.", Area = "Importing history")]
    public interface IMessageImporter
    {
        /// <summary>Rows per call; 1 means each row is imported on its own, at once.</summary>
        int ImportBatchSize { get; }

        /// <summary>
        /// True when the server recognises a repeated import of the same row and keeps one copy, so a row whose outcome
        /// is unknown may be imported again (Tencent Cloud IM: MsgRandom and MsgSeq derive from the row, kept for good).
        /// </summary>
        bool ImportRepeatsAreDeduped { get; }

        /// <summary>Who a row without a sender is imported as, in the words of a confirmation prompt.</summary>
        string DefaultImportSender { get; }

        /// <summary>
        /// Throws an <see cref="Errors.ImInputException"/> for import options the provider does not have or values it
        /// refuses (<paramref name="syncFromOldSystem"/> null = not given), before any row is read.
        /// </summary>
        void CheckImportOptions(int? syncFromOldSystem);

        /// <summary>Throws an <see cref="Errors.ImInputException"/> for a row the server would refuse, so it fails alone before confirmation.</summary>
        void CheckImportRow(MessageImport row);

        /// <summary>What the import does beyond storing the message (for the confirmation prompt), or null.</summary>
        string? DescribeImport(int syncFromOldSystem);

        /// <summary>One result per row, in order; a failure of the call throws (every row of the batch failed).</summary>
        Task<IReadOnlyList<ImSendResult>> ImportAsync(IReadOnlyList<MessageImport> batch, int syncFromOldSystem, CancellationToken cancellationToken);
    }
}
