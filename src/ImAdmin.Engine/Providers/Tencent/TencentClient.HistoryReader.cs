using System;
using System.Collections.Generic;
using System.Threading;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>
    /// Get-ImMessage history on Tencent Cloud IM: one-to-one conversations read from one side and paged by time, and
    /// groups paged by sequence (-EndSequence the newest to read, -StartSequence the oldest).
    /// </summary>
    public sealed partial class TencentClient : IMessageHistoryReader
    {
        IAsyncEnumerable<ImMessage> IMessageHistoryReader.GetHistoryAsync(MessageHistoryQuery query, CancellationToken cancellationToken)
        {
            if (query.ChannelType == ChannelType.Group) return GroupHistory(query, cancellationToken);
            if (query.ChannelType != ChannelType.Person)
                throw new ImCapabilityException(Provider, $"Get-ImMessage of a {query.ChannelType} channel",
                    "ImAdmin reads Tencent Cloud IM one-to-one history (-ChannelType Person, the peer's UserID as -ChannelId) and group history (-ChannelType Group, the GroupId as -ChannelId).");
            if (query.UserId == null)
                throw new ImInputException("UserId", "Tencent Cloud IM history is read from one side: pass -UserId (the Operator_Account) as well as -ChannelId (the peer).");
            if (query.StartSequence.HasValue || query.EndSequence.HasValue || query.Direction != MessageDirection.Older)
                throw new ImInputException(query.StartSequence.HasValue ? "StartSequence" : query.EndSequence.HasValue ? "EndSequence" : "Direction",
                    "Tencent Cloud IM reads history by time, newest first: use -StartTime and -EndTime.");
            var end = query.EndTime ?? DateTimeOffset.UtcNow;
            return GetHistoryAsync(new TencentHistoryQuery(query.UserId, query.ChannelId, query.StartTime ?? end.AddDays(-7), end) { PageSize = query.PageSize }, cancellationToken);
        }

        private IAsyncEnumerable<ImMessage> GroupHistory(MessageHistoryQuery query, CancellationToken cancellationToken)
        {
            if (query.StartTime.HasValue || query.EndTime.HasValue || query.Direction != MessageDirection.Older)
                throw new ImInputException(query.StartTime.HasValue ? "StartTime" : query.EndTime.HasValue ? "EndTime" : "Direction",
                    "Tencent Cloud IM reads a group's history by sequence, newest first: use -EndSequence (the newest to read) and -StartSequence (the oldest).");
            return GetGroupHistoryAsync(query.ChannelId, query.PageSize, query.EndSequence, query.StartSequence, cancellationToken);
        }
    }
}
