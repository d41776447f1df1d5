using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>
    /// A channel's history through POST /channel/messagesync, one page per call, lazily (see docs/server-behaviour/wukongim.md, 'Message history'). limit is always sent:
    /// 0 means "nothing" when reading older messages. Each page comes back ascending; older pages are emitted newest first.
    /// </summary>
    public sealed partial class WuKongClient : IMessageHistoryReader, IMessageByClientMsgNoReader
    {
        private const int PullOlder = 0;
        private const int PullNewer = 1;

        public IAsyncEnumerable<ImMessage> GetHistoryAsync(MessageHistoryQuery query, CancellationToken cancellationToken)
        {
            var type = WuKongChannels.TypeOf(query.ChannelType);
            // messagesync needs a login_uid for every channel type; for group-like channels any uid will do.
            var login = WuKongChannels.Viewer(query.ChannelType, query.ChannelId, query.UserId) ?? query.UserId ?? WuKongChannels.ManagerUid;
            Validate(query);
            var body = new WuKongMessageSyncBody { LoginUid = login, ChannelId = query.ChannelId, ChannelType = type, Limit = query.PageSize };
            return query.Direction == MessageDirection.Older
                ? OlderAsync(body, query.StartSequence, query.EndSequence ?? 1, cancellationToken)
                : NewerAsync(body, query.StartSequence ?? 1, query.EndSequence, cancellationToken);
        }

        /// <summary>The paging of docs/server-behaviour/wukongim.md, 'Message history': newest page (start = end = 0), then pull_mode 0 from (smallest seq − 1) down to <paramref name="lowest"/>.</summary>
        private async IAsyncEnumerable<ImMessage> OlderAsync(WuKongMessageSyncBody body, long? highest, long lowest, [EnumeratorCancellation] CancellationToken ct)
        {
            var upper = highest;
            while (true)
            {
                body.PullMode = PullOlder;
                body.StartMessageSeq = upper ?? 0;
                body.EndMessageSeq = upper.HasValue ? lowest - 1 : 0; // the range is (end, start]
                var page = await SyncPageAsync(body, ct).ConfigureAwait(false);
                if (page.Count == 0) yield break;
                foreach (var message in Enumerable.Reverse(page).Where(m => m.MessageSequence >= lowest)) yield return message;
                var smallest = page[0].MessageSequence;
                if (page.Count < body.Limit || smallest <= lowest) yield break;
                upper = smallest - 1;
            }
        }

        /// <summary>pull_mode 1 over [start, end), the end made exclusive from the inclusive <paramref name="highest"/>.</summary>
        private async IAsyncEnumerable<ImMessage> NewerAsync(WuKongMessageSyncBody body, long lowest, long? highest, [EnumeratorCancellation] CancellationToken ct)
        {
            var start = lowest;
            while (true)
            {
                body.PullMode = PullNewer;
                body.StartMessageSeq = start;
                body.EndMessageSeq = highest.HasValue ? highest.Value + 1 : 0;
                var page = await SyncPageAsync(body, ct).ConfigureAwait(false);
                if (page.Count == 0) yield break;
                foreach (var message in page) yield return message;
                var largest = page[page.Count - 1].MessageSequence;
                if (page.Count < body.Limit || (highest.HasValue && largest >= highest.Value)) yield break;
                start = largest + 1;
            }
        }

        private async Task<List<ImMessage>> SyncPageAsync(WuKongMessageSyncBody body, CancellationToken ct)
        {
            var json = await PostJsonAsync("/channel/messagesync", body, ct).ConfigureAwait(false);
            var list = json.Deserialize<WuKongMessageList>(ImJson.Options);
            return (list?.Messages ?? new List<WuKongMessageDto>()).Select(m => m.ToModel()).OrderBy(m => m.MessageSequence).ToList();
        }

        private static void Validate(MessageHistoryQuery q)
        {
            if (q.StartTime.HasValue || q.EndTime.HasValue)
                throw new ImInputException(q.StartTime.HasValue ? "StartTime" : "EndTime",
                    "WuKongIM reads history by sequence: use -StartSequence and -EndSequence (-StartTime and -EndTime are for Tencent Cloud IM).");
            if (q.PageSize < 1 || q.PageSize > MessageHistoryQuery.MaxPageSize)
                throw new ImInputException("PageSize", $"PageSize must be between 1 and {MessageHistoryQuery.MaxPageSize} (the server's limit per call).");
            if (q.StartSequence < 1) throw new ImInputException("StartSequence", "StartSequence must be 1 or more (sequences start at 1).");
            if (q.EndSequence < 1) throw new ImInputException("EndSequence", "EndSequence must be 1 or more (sequences start at 1).");
            if (q.StartSequence.HasValue && q.EndSequence.HasValue)
            {
                if (q.Direction == MessageDirection.Older && q.EndSequence > q.StartSequence)
                    throw new ImInputException("EndSequence",
                        $"Reading older messages goes down from -StartSequence {q.StartSequence} to -EndSequence {q.EndSequence}: EndSequence must not be larger. Swap them, or use -Direction Newer.");
                if (q.Direction == MessageDirection.Newer && q.EndSequence < q.StartSequence)
                    throw new ImInputException("EndSequence",
                        $"Reading newer messages goes up from -StartSequence {q.StartSequence} to -EndSequence {q.EndSequence}: EndSequence must not be smaller. Swap them, or use -Direction Older.");
            }
        }
    }
}
