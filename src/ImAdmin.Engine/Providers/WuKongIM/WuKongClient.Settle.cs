using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>
    /// Settling a /message/send whose answer was lost. The server stores every POST again (no client_msg_no dedupe,
    /// docs/server-behaviour/wukongim.md), so the row is never re-sent: its client_msg_no is looked up with
    /// GET /message/byclientmsgno until the session's settle window runs out. The send is asynchronous, so an
    /// accepted message may become readable only after the answer; not finding it leaves the outcome unknown.
    /// </summary>
    public sealed partial class WuKongClient
    {
        /// <summary>The sender the server uses for a send without from_uid; person channels are keyed by it.</summary>
        private const string SystemUid = "____system";

        private static readonly TimeSpan FirstSettleWait = TimeSpan.FromMilliseconds(100);

        private async Task<ItemResult<ImSendResult>> SettleAsync(SendRequest request, WuKongSendBody body, ImException lost, CancellationToken ct)
        {
            var storedId = request.ChannelType == ChannelType.Person
                ? WuKongChannels.PersonChannelId(string.IsNullOrEmpty(body.FromUid) ? SystemUid : body.FromUid!, request.ChannelId)
                : request.ChannelId;
            var path = "/message/byclientmsgno?channel_id=" + Uri.EscapeDataString(storedId) + "&channel_type=" + body.ChannelType +
                       "&client_msg_no=" + Uri.EscapeDataString(body.ClientMsgNo);
            var window = Connection.RetryPolicy.SettleWindow;
            var clock = Stopwatch.StartNew();
            var wait = TimeSpan.Zero;
            string why;
            while (true)
            {
                ImMessage? found;
                try
                {
                    found = await FindOneAsync(() => GetJsonAsync(path, ct)).ConfigureAwait(false);
                }
                catch (ImException ex)
                {
                    why = $"looking it up failed too ({ex.Message})";
                    break;
                }
                if (found != null)
                {
                    ImLog.Verbose($"POST {SendPath} to '{request.ChannelId}': the answer was lost, but client_msg_no {body.ClientMsgNo} is stored as message {found.MessageId}; counted as sent, not sent again.");
                    return Sent(request, found.MessageId, body.ClientMsgNo);
                }
                wait = wait == TimeSpan.Zero ? FirstSettleWait : TimeSpan.FromTicks(wait.Ticks * 2);
                var left = window - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    why = $"client_msg_no {body.ClientMsgNo} was not found within {window.TotalSeconds:0.##} s (the server stores sends asynchronously, so it may still appear)";
                    break;
                }
                await Task.Delay(wait < left ? wait : left, ct).ConfigureAwait(false);
            }

            return ItemResult<ImSendResult>.Unknown(request, WuKongResponse.Restate(lost, lost.Kind,
                $"Sending to '{request.ChannelId}': {lost.Message} ImAdmin did not send it again, and {why}. " +
                $"Check with Get-ImMessage -ChannelId '{request.ChannelId}' -ChannelType {request.ChannelType}" +
                (request.ChannelType == ChannelType.Person && !string.IsNullOrEmpty(body.FromUid) ? $" -UserId '{body.FromUid}'" : string.Empty) +
                $" -ClientMsgNo {body.ClientMsgNo} before sending this row again."));
        }
    }
}
