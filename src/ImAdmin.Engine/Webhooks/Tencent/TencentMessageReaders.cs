using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Models.Webhooks;

namespace ImAdmin.Engine.Webhooks.Tencent
{
    /// <summary>Readers of the C2C and group message callbacks.</summary>
    internal static class TencentMessageReaders
    {
        public static T Private<T>(JsonElement b, T ev) where T : TencentMessageEvent
        {
            Common(b, ev);
            ev.ChannelId = b.Str("To_Account") ?? string.Empty;
            ev.ChannelType = ChannelType.Person;
            ev.Random = b.Long("MsgRandom") ?? 0;
            ev.MessageKey = b.Str("MsgKey");
            return ev;
        }

        public static IImWebhookEvent AfterPrivateSend(JsonElement b)
        {
            var ev = Private(b, new TencentAfterPrivateMessageSendEvent());
            ev.SendResultCode = b.Int("SendMsgResult");
            ev.SendError = b.Str("ErrorInfo");
            ev.UnreadCount = b.Int("UnreadMsgNum");
            return ev;
        }

        public static T Group<T>(JsonElement b, T ev) where T : TencentGroupMessageEvent
        {
            Common(b, ev);
            ev.ChannelId = b.Str("GroupId") ?? string.Empty;
            ev.ChannelType = ChannelType.Group;
            ev.GroupType = b.Str("Type");
            ev.OperatorUserId = b.Str("Operator_Account");
            ev.Random = b.Long("Random") ?? 0;
            return ev;
        }

        public static IImWebhookEvent AfterPrivateReport(JsonElement b) => new TencentAfterPrivateMessageReportEvent
        {
            UserId = b.Str("Report_Account") ?? string.Empty,
            PeerUserId = b.Str("Peer_Account") ?? string.Empty,
            LastReadTime = b.Seconds("LastReadTime"),
            UnreadCount = b.Int("UnreadMsgNum"),
        };

        public static IImWebhookEvent AfterPrivateRevoke(JsonElement b) => new TencentAfterPrivateMessageRevokeEvent
        {
            From = b.Str("From_Account") ?? string.Empty,
            ChannelId = b.Str("To_Account") ?? string.Empty,
            MessageKey = b.Str("MsgKey"),
            UnreadCount = b.Int("UnreadMsgNum"),
        };

        private static void Common(JsonElement b, TencentMessageEvent ev)
        {
            ev.From = b.Str("From_Account");
            ev.MessageSequence = b.Long("MsgSeq") ?? 0;
            ev.Timestamp = b.Seconds("MsgTime") ?? b.Milliseconds("EventTime") ?? DateTimeOffset.FromUnixTimeSeconds(0);
            ev.OnlineOnly = b.Flag("OnlineOnlyFlag");
            ev.CloudCustomData = b.Str("CloudCustomData");
            ev.Elements = b.Objects("MsgBody").Select(Element).ToArray();
            ev.Payload = b.TryGetProperty("MsgBody", out var body) ? Encoding.UTF8.GetBytes(body.GetRawText()) : Array.Empty<byte>();
            var texts = ev.Elements.Where(e => e.Type == "TIMTextElem" && e.Text != null).Select(e => e.Text).ToList();
            ev.Text = texts.Count == 0 ? null : string.Concat(texts);
        }

        private static TencentMessageElement Element(JsonElement e)
        {
            var content = e.TryGetProperty("MsgContent", out var c) ? c : default;
            return new TencentMessageElement
            {
                Type = e.Str("MsgType") ?? string.Empty,
                Text = content.Str("Text"),
                Data = content.Str("Data"),
                Content = content.ValueKind == JsonValueKind.Object ? content.GetRawText() : "{}",
            };
        }
    }
}
