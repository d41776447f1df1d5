using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Messaging;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>
    /// WuKongIM payloads are opaque bytes; by convention a text message is the UTF-8 JSON <c>{"type":1,"content":"..."}</c>
    /// (see docs/server-behaviour/wukongim.md, 'Requests'). Raw payloads are sent as given.
    /// </summary>
    internal static class WuKongPayload
    {
        private const int TextType = 1;

        public static byte[] Encode(MessageContent content) =>
            content.Payload ?? Encoding.UTF8.GetBytes(ImJson.Serialize(new TextPayload { Content = content.Text! }));

        /// <summary>The text of a text-message payload, or null for anything else.</summary>
        public static string? TextOf(byte[] payload)
        {
            if (payload.Length == 0 || payload[0] != (byte)'{') return null;
            return ImJson.TryParse(Encoding.UTF8.GetString(payload), out var json) ? TextOf(json) : null;
        }

        /// <summary>The text of a decoded payload object (search results carry the payload as JSON, not Base64).</summary>
        public static string? TextOf(JsonElement payload) =>
            payload.GetInt("type") == TextType ? payload.GetString("content") : null;

        private sealed class TextPayload
        {
            [JsonPropertyName("type")]
            public int Type { get; set; } = TextType;

            [JsonPropertyName("content")]
            public string Content { get; set; } = string.Empty;
        }
    }
}
