using System;
using System.Text.Json.Serialization;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>Fields that openim/sendmsg and openim/batchsendmsg share (see docs/server-behaviour/tencent.md, 'Sending').</summary>
    internal abstract class C2CMessageBody
    {
        /// <summary>The sender; omitted (null) to send as the admin identifier.</summary>
        [JsonPropertyName("From_Account")]
        public string? FromAccount { get; set; }

        [JsonPropertyName("MsgSeq")]
        public uint MsgSeq { get; set; }

        /// <summary>With MsgSeq, sender and content, the key sendmsg dedupes on for 120 s.</summary>
        [JsonPropertyName("MsgRandom")]
        public uint MsgRandom { get; set; }

        /// <summary>0 = online only (not kept offline); null = the server default.</summary>
        [JsonPropertyName("MsgLifeTime")]
        public int? MsgLifeTime { get; set; }

        [JsonPropertyName("SendMsgControl")]
        public string[]? SendMsgControl { get; set; }

        [JsonPropertyName("MsgBody")]
        public MsgElement[] MsgBody { get; set; } = Array.Empty<MsgElement>();

        /// <summary>2 = not stored on the sender's side; null = the server default (stored and synced).</summary>
        [JsonPropertyName("SyncOtherMachine")]
        public int? SyncOtherMachine { get; set; }

        [JsonPropertyName("OfflinePushInfo")]
        public OfflinePushInfo? OfflinePushInfo { get; set; }

        [JsonPropertyName("CloudCustomData")]
        public string? CloudCustomData { get; set; }

        [JsonPropertyName("IsNeedReadReceipt")]
        public int? IsNeedReadReceipt { get; set; }
    }

    /// <summary>openim/sendmsg; only a single send has ForbidCallbackControl (batchsendmsg never calls back).</summary>
    internal sealed class SendMsgBody : C2CMessageBody
    {
        [JsonPropertyName("To_Account")]
        public string ToAccount { get; set; } = string.Empty;

        [JsonPropertyName("ForbidCallbackControl")]
        public string[]? ForbidCallbackControl { get; set; }
    }

    /// <summary>The offline push notification of a send: PushFlag 0 (push), Title, Desc (the text) and Ext (passthrough data).</summary>
    internal sealed class OfflinePushInfo
    {
        [JsonPropertyName("PushFlag")]
        public int PushFlag { get; set; }

        [JsonPropertyName("Title")]
        public string? Title { get; set; }

        [JsonPropertyName("Desc")]
        public string? Desc { get; set; }

        [JsonPropertyName("Ext")]
        public string? Ext { get; set; }
    }

    internal sealed class BatchSendMsgBody : C2CMessageBody
    {
        [JsonPropertyName("To_Account")]
        public string[] ToAccount { get; set; } = Array.Empty<string>();
    }

    /// <summary>One MsgBody element: <c>{"MsgType": ..., "MsgContent": {...}}</c>.</summary>
    internal sealed class MsgElement
    {
        public MsgElement(string msgType, object msgContent)
        {
            MsgType = msgType;
            MsgContent = msgContent;
        }

        [JsonPropertyName("MsgType")]
        public string MsgType { get; }

        /// <summary>Serialized by its runtime type (<see cref="TextElemContent"/>, <see cref="CustomElemContent"/>, or the checked JSON of a -Payload element).</summary>
        [JsonPropertyName("MsgContent")]
        public object MsgContent { get; }
    }

    internal sealed class TextElemContent
    {
        [JsonPropertyName("Text")]
        public string Text { get; set; } = string.Empty;
    }

    internal sealed class CustomElemContent
    {
        [JsonPropertyName("Data")]
        public string Data { get; set; } = string.Empty;
    }
}
