using System;
using System.Collections.Generic;
using System.Threading;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>Get-ImMessage history on Tencent Cloud IM: one-to-one conversations only, read from one side, paged by time.</summary>
    public sealed partial class TencentClient : IMessageHistoryReader
    {
        IAsyncEnumerable<ImMessage> IMessageHistoryReader.GetHistoryAsync(MessageHistoryQuery query, CancellationToken cancellationToken)
        {
            if (query.ChannelType != ChannelType.Person)
                throw new ImCapabilityException(Provider, $"Get-ImMessage of a {query.ChannelType} channel",
                    "ImAdmin reads Tencent Cloud IM one-to-one history (-ChannelType Person, the peer's UserID as -ChannelId).");
            if (query.UserId == null)
                throw new ImInputException("UserId", "Tencent Cloud IM history is read from one side: pass -UserId (the Operator_Account) as well as -ChannelId (the peer).");
            if (query.StartSequence.HasValue || query.EndSequence.HasValue || query.Direction != MessageDirection.Older)
                throw new ImInputException(query.StartSequence.HasValue ? "StartSequence" : query.EndSequence.HasValue ? "EndSequence" : "Direction",
                    "Tencent Cloud IM reads history by time, newest first: use -StartTime and -EndTime.");
            var end = query.EndTime ?? DateTimeOffset.UtcNow;
            return GetHistoryAsync(new TencentHistoryQuery(query.UserId, query.ChannelId, query.StartTime ?? end.AddDays(-7), end) { PageSize = query.PageSize }, cancellationToken);
        }
    }
}
