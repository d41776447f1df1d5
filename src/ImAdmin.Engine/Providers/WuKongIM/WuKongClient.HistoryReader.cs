using System.Collections.Generic;
using System.Threading;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>Get-ImMessage history on WuKongIM: paged by message sequence, never by time.</summary>
    public sealed partial class WuKongClient : IMessageHistoryReader, IMessageByClientMsgNoReader
    {
        IAsyncEnumerable<ImMessage> IMessageHistoryReader.GetHistoryAsync(MessageHistoryQuery query, CancellationToken cancellationToken)
        {
            if (query.StartTime.HasValue || query.EndTime.HasValue)
                throw new ImInputException(query.StartTime.HasValue ? "StartTime" : "EndTime",
                    "WuKongIM reads history by sequence: use -StartSequence and -EndSequence (-StartTime and -EndTime are for Tencent Cloud IM).");
            return GetHistoryAsync(new WuKongHistoryQuery(query.ChannelId, query.ChannelType)
            {
                UserId = query.UserId,
                StartSequence = query.StartSequence,
                EndSequence = query.EndSequence,
                Direction = query.Direction,
                PageSize = query.PageSize,
            }, cancellationToken);
        }
    }
}
