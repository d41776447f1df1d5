using System;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Errors;
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
            if (string.IsNullOrWhiteSpace(request.ChannelId))
                throw new ImInputException("ChannelId", "-ChannelId is empty; give the GroupId of the Tencent Cloud IM group.");
            // The contract documents no send_group_msg field for "online only" or "no unread count", so none is invented.
            if (!request.Persist)
                ImLog.Verbose($"TencentCloud {GroupSendApi}: the group API has no online-only field in the contract; '{request.ChannelId}' gets a normal, stored message.");
            if (!request.RedDot)
                ImLog.Verbose($"TencentCloud {GroupSendApi}: the group API has no field to skip the unread count in the contract; '{request.ChannelId}' members' unread counts go up.");

            var body = new SendGroupMsgBody
            {
                GroupId = request.ChannelId,
                Random = MessageIds(request).Random,
                FromAccount = request.From == null ? null : ValidAccount(request.From, "From"),
                MsgBody = elements,
            };
            var answer = await CallAsync(GroupSendApi, body, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            var result = Sent(request, null, answer.GetUnixTime("MsgTime"));
            result.MessageSequence = answer.GetLong("MsgSeq");
            return result;
        }

        private sealed class SendGroupMsgBody
        {
            [JsonPropertyName("GroupId")]
            public string GroupId { get; set; } = string.Empty;

            /// <summary>The key send_group_msg dedupes on for 5 minutes.</summary>
            [JsonPropertyName("Random")]
            public uint Random { get; set; }

            /// <summary>The sender; omitted (null) to send as the admin identifier.</summary>
            [JsonPropertyName("From_Account")]
            public string? FromAccount { get; set; }

            [JsonPropertyName("MsgBody")]
            public MsgElement[] MsgBody { get; set; } = Array.Empty<MsgElement>();
        }
    }
}
