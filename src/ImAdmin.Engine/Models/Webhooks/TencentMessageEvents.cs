using System;

namespace ImAdmin.Engine.Models.Webhooks
{
    /// <summary>One element of a Tencent MsgBody, e.g. TIMTextElem or TIMCustomElem.</summary>
    public sealed class TencentMessageElement
    {
        /// <summary>MsgType, e.g. TIMTextElem, TIMCustomElem, TIMImageElem.</summary>
        public string Type { get; set; } = string.Empty;

        /// <summary>TIMTextElem: the text.</summary>
        public string? Text { get; set; }

        /// <summary>TIMCustomElem: the custom payload (Data).</summary>
        public string? Data { get; set; }

        /// <summary>MsgContent as JSON, for every element type.</summary>
        public string Content { get; set; } = "{}";

        public override string ToString() => Text ?? Type;
    }

    /// <summary>
    /// Base of the Tencent message callbacks. <see cref="ImMessage.Payload"/> is the MsgBody JSON (UTF-8) and
    /// <see cref="ImMessage.Text"/> the text of its TIMTextElem elements; Tencent messages have no numeric MessageId.
    /// </summary>
    public abstract class TencentMessageEvent : ImMessage, IImWebhookEvent, ITencentCallback
    {
        public string Event { get; set; } = string.Empty;

        /// <summary>When the event happened (EventTime, milliseconds), when Tencent sends it.</summary>
        public DateTimeOffset? EventTime { get; set; }

        /// <summary>The SDKAppID from the query string (SdkAppid).</summary>
        public long? SdkAppId { get; set; }

        /// <summary>The client's IP address from the query string.</summary>
        public string? ClientIP { get; set; }

        /// <summary>The client platform from the query string (RESTAPI, Web, Android, iOS, ...).</summary>
        public string? OptPlatform { get; set; }

        /// <summary>The message's random number (MsgRandom or Random).</summary>
        public long Random { get; set; }

        /// <summary>An online-only message (OnlineOnlyFlag 1): not stored, not pushed.</summary>
        public bool OnlineOnly { get; set; }

        /// <summary>The MsgBody elements.</summary>
        public TencentMessageElement[] Elements { get; set; } = Array.Empty<TencentMessageElement>();

        public string? CloudCustomData { get; set; }

        public override string ToString() => $"{From} -> {ChannelId}: {Text ?? "(" + string.Join(", ", (object[])Elements) + ")"}";
    }

    /// <summary>C2C.CallbackBeforeSendMsg (before; ImAdmin allows it): a one-to-one message is about to be sent.</summary>
    public sealed class TencentBeforePrivateMessageSendEvent : TencentMessageEvent
    {
    }

    /// <summary>C2C.CallbackAfterSendMsg: a one-to-one message was sent (also when delivery failed; see <see cref="Delivered"/>).</summary>
    public sealed class TencentAfterPrivateMessageSendEvent : TencentMessageEvent
    {
        /// <summary>SendMsgResult: 0 when the message was delivered.</summary>
        public int SendResultCode { get; set; }

        /// <summary>ErrorInfo of the delivery ("send msg succeed" on success).</summary>
        public string? SendError { get; set; }

        /// <summary>The recipient's unread one-to-one messages; -1 when delivery failed.</summary>
        public int UnreadCount { get; set; }

        public bool Delivered => SendResultCode == 0;

        public override string ToString() => base.ToString() + (Delivered ? string.Empty : $" (not delivered: {SendResultCode} {SendError})");
    }

    /// <summary>Base of the group message callbacks: <see cref="ImMessage.ChannelId"/> is the group id.</summary>
    public abstract class TencentGroupMessageEvent : TencentMessageEvent
    {
        public string GroupId => ChannelId;

        /// <summary>Public, Private, ChatRoom, AVChatRoom, Community, ...</summary>
        public string? GroupType { get; set; }

        /// <summary>Who made the request (Operator_Account), e.g. an admin sending on a member's behalf.</summary>
        public string? OperatorUserId { get; set; }
    }

    /// <summary>Group.CallbackBeforeSendMsg (before; ImAdmin allows it): a group message is about to be sent.</summary>
    public sealed class TencentBeforeGroupMessageSendEvent : TencentGroupMessageEvent
    {
    }

    /// <summary>Group.CallbackAfterSendMsg: a group message was sent.</summary>
    public sealed class TencentAfterGroupMessageSendEvent : TencentGroupMessageEvent
    {
    }

    /// <summary>C2C.CallbackAfterMsgReport: a user read a one-to-one conversation.</summary>
    public sealed class TencentAfterPrivateMessageReportEvent : TencentCallbackEvent
    {
        /// <summary>The reader (Report_Account).</summary>
        public string UserId { get; set; } = string.Empty;

        /// <summary>The other side of the conversation (Peer_Account).</summary>
        public string PeerUserId { get; set; } = string.Empty;

        public DateTimeOffset? LastReadTime { get; set; }

        /// <summary>The reader's unread one-to-one messages, in every conversation.</summary>
        public int UnreadCount { get; set; }

        public override string ToString() => $"{UserId} read the conversation with {PeerUserId}";
    }

    /// <summary>C2C.CallbackAfterMsgWithDraw: a one-to-one message was recalled.</summary>
    public sealed class TencentAfterPrivateMessageRevokeEvent : TencentCallbackEvent
    {
        /// <summary>The sender (From_Account).</summary>
        public string From { get; set; } = string.Empty;

        /// <summary>The recipient (To_Account).</summary>
        public string ChannelId { get; set; } = string.Empty;

        public string? MessageKey { get; set; }

        /// <summary>The recipient's unread one-to-one messages, in every conversation.</summary>
        public int UnreadCount { get; set; }

        public override string ToString() => $"{From} recalled {MessageKey} to {ChannelId}";
    }
}
