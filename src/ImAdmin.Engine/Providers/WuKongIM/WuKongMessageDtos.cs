using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>The message header; always sent, because an omitted header means red_dot 0 (no unread badge).</summary>
    internal sealed class WuKongHeaderDto
    {
        [JsonPropertyName("no_persist")] public int NoPersist { get; set; }
        [JsonPropertyName("red_dot")] public int RedDot { get; set; }
        [JsonPropertyName("sync_once")] public int SyncOnce { get; set; }
    }

    internal sealed class WuKongSendBody
    {
        [JsonPropertyName("header")] public WuKongHeaderDto Header { get; set; } = new WuKongHeaderDto();
        [JsonPropertyName("from_uid")] public string? FromUid { get; set; }
        [JsonPropertyName("channel_id")] public string ChannelId { get; set; } = string.Empty;
        [JsonPropertyName("channel_type")] public int ChannelType { get; set; }
        [JsonPropertyName("client_msg_no")] public string ClientMsgNo { get; set; } = string.Empty;
        [JsonPropertyName("payload")] public byte[] Payload { get; set; } = Array.Empty<byte>();
    }

    internal sealed class WuKongSendData
    {
        [JsonPropertyName("message_id")] public long MessageId { get; set; }
        [JsonPropertyName("client_msg_no")] public string? ClientMsgNo { get; set; }
    }

    /// <summary>One object for all recipients (the docs' array form is wrong).</summary>
    internal sealed class WuKongSendBatchBody
    {
        [JsonPropertyName("header")] public WuKongHeaderDto Header { get; set; } = new WuKongHeaderDto();
        [JsonPropertyName("from_uid")] public string FromUid { get; set; } = string.Empty;
        [JsonPropertyName("subscribers")] public List<string> Subscribers { get; set; } = new List<string>();
        [JsonPropertyName("payload")] public byte[] Payload { get; set; } = Array.Empty<byte>();
    }

    internal sealed class WuKongSendBatchResult
    {
        [JsonPropertyName("fail_uids")] public List<string>? FailUids { get; set; }
        [JsonPropertyName("reason")] public List<string>? Reason { get; set; }
    }

    internal sealed class WuKongGetMessageBody
    {
        [JsonPropertyName("channel_id")] public string ChannelId { get; set; } = string.Empty;
        [JsonPropertyName("channel_type")] public int ChannelType { get; set; }
        [JsonPropertyName("login_uid")] public string? LoginUid { get; set; }
        [JsonPropertyName("message_id")] public long MessageId { get; set; }
    }

    internal sealed class WuKongGetMessagesBody
    {
        [JsonPropertyName("channel_id")] public string ChannelId { get; set; } = string.Empty;
        [JsonPropertyName("channel_type")] public int ChannelType { get; set; }
        [JsonPropertyName("login_uid")] public string? LoginUid { get; set; }
        [JsonPropertyName("message_ids")] public IReadOnlyList<long>? MessageIds { get; set; }
        [JsonPropertyName("client_msg_nos")] public IReadOnlyList<string>? ClientMsgNos { get; set; }
    }

    internal sealed class WuKongMessageSyncBody
    {
        [JsonPropertyName("login_uid")] public string LoginUid { get; set; } = string.Empty;
        [JsonPropertyName("channel_id")] public string ChannelId { get; set; } = string.Empty;
        [JsonPropertyName("channel_type")] public int ChannelType { get; set; }
        [JsonPropertyName("start_message_seq")] public long StartMessageSeq { get; set; }
        [JsonPropertyName("end_message_seq")] public long EndMessageSeq { get; set; }
        [JsonPropertyName("limit")] public int Limit { get; set; }
        [JsonPropertyName("pull_mode")] public int PullMode { get; set; }
    }

    /// <summary>The bare answer of /messages and /channel/messagesync (an object, not the array the SDK expects).</summary>
    internal sealed class WuKongMessageList
    {
        [JsonPropertyName("more")] public int More { get; set; }
        [JsonPropertyName("messages")] public List<WuKongMessageDto>? Messages { get; set; }
    }

    /// <summary>MessageResp (see docs/server-behaviour/wukongim.md, 'Message shape'), the shape of every message read.</summary>
    internal sealed class WuKongMessageDto
    {
        [JsonPropertyName("message_id")] public long MessageId { get; set; }
        [JsonPropertyName("message_seq")] public long MessageSeq { get; set; }
        [JsonPropertyName("client_msg_no")] public string? ClientMsgNo { get; set; }
        [JsonPropertyName("from_uid")] public string? FromUid { get; set; }
        [JsonPropertyName("channel_id")] public string? ChannelId { get; set; }
        [JsonPropertyName("channel_type")] public int ChannelType { get; set; }
        [JsonPropertyName("timestamp")] public long Timestamp { get; set; }

        /// <summary>Base64 in reads; a decoded JSON object in search results.</summary>
        [JsonPropertyName("payload")] public JsonElement Payload { get; set; }

        /// <summary>
        /// The message as stored: From the sender, ChannelId the recipient of a person message (the server names it so,
        /// whoever reads it), so history rows pipe into Import-ImMessage the right way round.
        /// </summary>
        public ImMessage ToModel()
        {
            var (bytes, text) = ReadPayload(Payload);
            return new ImMessage
            {
                Provider = ImProvider.WuKongIM,
                MessageId = MessageId,
                MessageSequence = MessageSeq,
                ClientMsgNo = ClientMsgNo,
                // The system uid is shown as "": null reads better and binds as "no sender".
                From = string.IsNullOrEmpty(FromUid) ? null : FromUid,
                ChannelId = ChannelId ?? string.Empty,
                ChannelType = (ChannelType)ChannelType,
                Timestamp = DateTimeOffset.FromUnixTimeSeconds(Timestamp),
                Payload = bytes,
                Text = text,
            };
        }

        private static (byte[] Bytes, string? Text) ReadPayload(JsonElement payload)
        {
            switch (payload.ValueKind)
            {
                case JsonValueKind.String:
                    var encoded = payload.GetString() ?? string.Empty;
                    byte[] bytes;
                    try
                    {
                        bytes = Convert.FromBase64String(encoded);
                    }
                    catch (FormatException)
                    {
                        bytes = Encoding.UTF8.GetBytes(encoded); // keep what came rather than drop it
                    }
                    return (bytes, WuKongPayload.TextOf(bytes));
                case JsonValueKind.Object:
                    return (Encoding.UTF8.GetBytes(payload.GetRawText()), WuKongPayload.TextOf(payload));
                default:
                    return (Array.Empty<byte>(), null);
            }
        }
    }
}
