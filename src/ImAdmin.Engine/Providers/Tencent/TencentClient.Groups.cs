using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>
    /// Group sends: group_open_http_svc/send_group_msg, one call per group. The server drops a message whose Random
    /// repeats within 5 minutes (see docs/server-behaviour/tencent.md, 'Duplicate suppression'), so the Random is chosen once per row and every retry reuses it.
    /// </summary>
    public sealed partial class TencentClient
    {
        private const string GroupSendApi = "group_open_http_svc/send_group_msg";

        private async Task<ImSendResult> SendToGroupAsync(SendRequest request, MsgElement[] elements, CancellationToken cancellationToken)
        {
            ValidGroupId(request.ChannelId);
            // The contract documents no send_group_msg field for "online only" or "no unread count", so none is invented.
            if (!request.Persist)
                ImLog.Verbose($"TencentCloud {GroupSendApi}: the group API has no online-only field in the contract; '{request.ChannelId}' gets a normal, stored message.");
            if (!request.RedDot)
                ImLog.Verbose($"TencentCloud {GroupSendApi}: the group API has no field to skip the unread count in the contract; '{request.ChannelId}' members' unread counts go up.");

            var options = request.Options;
            var body = new SendGroupMsgBody
            {
                GroupId = request.ChannelId,
                Random = MessageIds(request).Random,
                FromAccount = request.From == null ? null : ValidAccount(request.From, "From"),
                MsgBody = elements,
                OfflinePushInfo = PushInfo(options),
                CloudCustomData = options.Extra,
                ForbidCallbackControl = options.SkipCallback ? ForbidCallbacks : null,
                NeedReadReceipt = options.RequestReadReceipt ? 1 : (int?)null,
                GroupAtInfo = GroupAtInfo(options),
            };
            var answer = await CallAsync(GroupSendApi, body, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            var result = Sent(request, null, answer.GetUnixTime("MsgTime"));
            result.MessageSequence = answer.GetLong("MsgSeq");
            return result;
        }

        /// <summary>-MentionAll is {GroupAtAllFlag 1}; each -Mention member {GroupAtAllFlag 0, GroupAt_Account}, in order (they pair with the text's @name marks).</summary>
        private static GroupAtItem[]? GroupAtInfo(MessageOptions options)
        {
            if (!options.MentionAll && options.Mention.Count == 0) return null;
            var all = options.MentionAll ? new[] { new GroupAtItem { GroupAtAllFlag = 1 } } : new GroupAtItem[0];
            return all.Concat(options.Mention.Select(m => new GroupAtItem { GroupAtAllFlag = 0, GroupAtAccount = ValidAccount(m, "Mention") })).ToArray();
        }
    }
}
