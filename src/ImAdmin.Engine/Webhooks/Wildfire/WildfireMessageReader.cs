using System;
using System.Text;
using System.Text.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Webhooks.Wildfire
{
    /// <summary>OutputMessageData (messageId, sender, conv, payload, toUsers, timestamp, client) and the recall wrapper around it.</summary>
    internal static class WildfireMessageReader
    {
        public static WildfireMessageEvent Read(JsonElement m, string eventName)
        {
            var conv = m.TryGetProperty("conv", out var c) ? c : default;
            var payload = m.TryGetProperty("payload", out var p) ? p : default;
            var client = m.TryGetProperty("client", out var cl) ? cl : default;
            var conversationType = conv.Int("type");
            var contentType = payload.Int("type");
            var searchable = payload.Str("searchableContent");
            return new WildfireMessageEvent
            {
                Provider = ImProvider.Wildfire,
                Event = eventName,
                MessageId = m.Long("messageId") ?? m.Long("messageUid") ?? 0,
                From = m.Str("sender"),
                ChannelId = conv.Str("target") ?? string.Empty,
                ChannelType = ChannelTypeOf(conversationType),
                ConversationType = conversationType,
                Line = conv.Int("line"),
                Timestamp = m.Milliseconds("timestamp") ?? DateTimeOffset.FromUnixTimeMilliseconds(0),
                ToUserIds = m.Strings("toUsers"),
                Payload = payload.ValueKind == JsonValueKind.Object ? Encoding.UTF8.GetBytes(payload.GetRawText()) : Array.Empty<byte>(),
                Text = contentType == 1 ? searchable ?? payload.Str("content") : null,
                ContentType = contentType,
                SearchableContent = searchable,
                PushContent = payload.Str("pushContent"),
                PushData = payload.Str("pushData"),
                Content = payload.Str("content"),
                BinaryContent = Base64(payload.Str("base64edData")),
                MediaType = payload.Int("mediaType"),
                RemoteMediaUrl = payload.Str("remoteMediaUrl"),
                PersistFlag = payload.Int("persistFlag"),
                ExpireDuration = payload.Int("expireDuration"),
                MentionedType = payload.Int("mentionedType"),
                MentionedTargets = payload.Strings("mentionedTarget"),
                Extra = payload.Str("extra"),
                Platform = client.Has("platform") ? (WildfirePlatform)client.Int("platform") : (WildfirePlatform?)null,
                ClientId = client.Str("clientId"),
            };
        }

        public static IImWebhookEvent Recall(JsonElement b) => new WildfireRecallEvent
        {
            OperatorUserId = b.Str("userId") ?? string.Empty,
            IsAdmin = b.TryGetProperty("isAdmin", out var admin) && admin.ValueKind == JsonValueKind.True,
            Timestamp = b.Milliseconds("timestamp") ?? DateTimeOffset.FromUnixTimeMilliseconds(0),
            Message = b.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? Read(m, WildfireCallbackParser.Message) : null,
        };

        /// <summary>Wildfire conversation types on ImAdmin's channel types; secret chats (5) and newer kinds have none (0).</summary>
        private static ChannelType ChannelTypeOf(int conversationType) => conversationType switch
        {
            0 => ChannelType.Person,
            1 => ChannelType.Group,
            2 => ChannelType.ChatRoom,
            3 => ChannelType.Broadcast,
            4 => ChannelType.Things,
            _ => 0,
        };

        private static byte[] Base64(string? text)
        {
            if (string.IsNullOrEmpty(text)) return Array.Empty<byte>();
            try
            {
                return Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                // The server itself refuses invalid base64 (HTTP 500), so this is a hand-made body: keep the text's bytes.
                return Encoding.UTF8.GetBytes(text);
            }
        }
    }
}
