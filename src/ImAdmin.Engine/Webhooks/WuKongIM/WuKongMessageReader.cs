using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Webhooks.WuKongIM
{
    /// <summary>One MessageResp of a msg.notify or msg.offline body (see docs/server-behaviour/wukongim.md, 'Message shape', 'Webhooks').</summary>
    internal static class WuKongMessageReader
    {
        /// <exception cref="FormatException">The payload or the compressed recipients cannot be decoded.</exception>
        public static WuKongMessageEvent Read(JsonElement m, string eventName)
        {
            var header = m.TryGetProperty("header", out var h) ? h : default;
            var payload = Payload(m);
            return new WuKongMessageEvent
            {
                Provider = ImProvider.WuKongIM,
                Event = eventName,
                MessageId = m.Long("message_id") ?? m.Long("message_idstr") ?? 0,
                MessageSequence = m.Long("message_seq") ?? 0,
                ClientMsgNo = m.Str("client_msg_no"),
                From = m.Str("from_uid"),
                ChannelId = m.Str("channel_id") ?? string.Empty,
                ChannelType = (ChannelType)m.Int("channel_type"),
                Timestamp = m.Seconds("timestamp") ?? DateTimeOffset.FromUnixTimeSeconds(0),
                Payload = payload,
                Text = TextOf(payload),
                ToUserIds = Recipients(m),
                NoPersist = header.Flag("no_persist"),
                RedDot = header.Flag("red_dot"),
                SyncOnce = header.Flag("sync_once"),
                Setting = m.Int("setting"),
                Topic = m.Str("topic"),
                Expire = m.Long("expire") ?? 0,
                SourceNodeId = m.Long("source_id"),
            };
        }

        private static byte[] Payload(JsonElement m)
        {
            if (!m.TryGetProperty("payload", out var p)) return Array.Empty<byte>();
            switch (p.ValueKind)
            {
                case JsonValueKind.String:
                    try
                    {
                        return Convert.FromBase64String(p.GetString()!);
                    }
                    catch (FormatException)
                    {
                        throw new FormatException("payload is not base64.");
                    }
                case JsonValueKind.Object:
                case JsonValueKind.Array:
                    // Some proxies re-encode the payload as the JSON it holds; keep its bytes.
                    return Encoding.UTF8.GetBytes(p.GetRawText());
                default:
                    return Array.Empty<byte>();
            }
        }

        /// <summary>The text of a {"type":1,"content":"..."} payload; null for any other payload.</summary>
        internal static string? TextOf(byte[] payload)
        {
            if (payload.Length < 2 || payload[0] != (byte)'{') return null;
            try
            {
                using var doc = JsonDocument.Parse(payload);
                var root = doc.RootElement;
                return root.Long("type") == 1 && root.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>to_uids, or compress_to_uids (base64 of gzip-compressed JSON string[]) when the server compressed them.</summary>
        private static string[] Recipients(JsonElement m)
        {
            var compressed = m.Str("compress_to_uids");
            if (string.IsNullOrEmpty(compressed)) return m.Strings("to_uids");
            try
            {
                using var input = new MemoryStream(Convert.FromBase64String(compressed));
                using var gzip = new GZipStream(input, CompressionMode.Decompress);
                using var doc = JsonDocument.Parse(gzip);
                if (doc.RootElement.ValueKind != JsonValueKind.Array) throw new FormatException("compress_to_uids does not hold a JSON array.");
                return WebhookJson.StringsOf(doc.RootElement);
            }
            catch (Exception ex) when (ex is FormatException || ex is InvalidDataException || ex is JsonException)
            {
                throw new FormatException($"compress_to_uids is not base64 of gzip-compressed JSON ({ex.Message})");
            }
        }
    }
}
