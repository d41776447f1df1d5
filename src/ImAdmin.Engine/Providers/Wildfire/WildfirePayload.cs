using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>
    /// Builds the MessagePayload of a send (see docs/server-behaviour/wildfire.md, 'Message payload'). Text becomes <c>{type:1, searchableContent, persistFlag}</c>:
    /// Wildfire clients show a text message's <c>searchableContent</c>, not <c>content</c>. A raw -Payload is the
    /// MessagePayload JSON object itself (UTF-8), so any content type can be sent as the server API takes it; bytes
    /// that are not such an object are refused rather than wrapped in an invented custom type that no client renders.
    /// </summary>
    internal static class WildfirePayload
    {
        public const int TextType = 1;

        /// <summary>persistFlag values: stored and counted as unread, stored only, and transparent (delivered, never stored).</summary>
        public const int PersistAndCount = 3;
        public const int Persist = 1;
        public const int Transparent = 4;

        /// <summary>
        /// An admin's message is stored and counts as unread by default (3); -NoRedDot stores it without counting (1);
        /// -NoPersist sends it transparently (4), which the server never stores, so a red dot cannot apply.
        /// </summary>
        public static int PersistFlagOf(bool redDot, bool persist) =>
            !persist ? Transparent : redDot ? PersistAndCount : Persist;

        /// <summary>mentionedType: 1 the users in mentionedTarget, 2 everyone.</summary>
        public const int MentionUsers = 1;
        public const int MentionEveryone = 2;

        public static JsonObject Build(SendRequest request) => Build(request.Content, request.RedDot, request.Persist, request.Options);

        /// <summary>
        /// The payload with the rich fields of <paramref name="options"/>: pushContent, pushData, mentionedType and
        /// mentionedTarget (singular: the client SDKs' mentionedTargets is ignored by the server), extra, and
        /// expireDuration in seconds. A field the option leaves empty is not sent, so a raw payload's own value stays.
        /// </summary>
        public static JsonObject Build(MessageContent content, bool redDot, bool persist, MessageOptions options)
        {
            var payload = Build(content, redDot, persist);
            if (options.PushText != null) payload["pushContent"] = options.PushText;
            if (options.PushData != null) payload["pushData"] = options.PushData;
            if (options.Extra != null) payload["extra"] = options.Extra;
            if (options.Lifetime != null) payload["expireDuration"] = ExpireSeconds(options.Lifetime.Value);
            if (options.MentionAll)
            {
                payload["mentionedType"] = MentionEveryone;
            }
            else if (options.Mention.Count > 0)
            {
                payload["mentionedType"] = MentionUsers;
                payload["mentionedTarget"] = new JsonArray(options.Mention.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray());
            }
            return payload;
        }

        /// <summary>expireDuration is a Java int of seconds; 0 would mean "never", so a lifetime rounds up to whole seconds.</summary>
        public static int ExpireSeconds(TimeSpan lifetime)
        {
            if (lifetime <= TimeSpan.Zero || lifetime.TotalSeconds > int.MaxValue)
                throw new ImInputException("Lifetime", $"-Lifetime must be between 1 second and {int.MaxValue} seconds (about 68 years); leave it out for a message that never expires.");
            return (int)Math.Ceiling(lifetime.TotalSeconds);
        }

        public static JsonObject Build(MessageContent content, bool redDot, bool persist)
        {
            if (content.IsText)
                return new JsonObject
                {
                    ["type"] = TextType,
                    ["searchableContent"] = content.Text,
                    ["persistFlag"] = PersistFlagOf(redDot, persist),
                };

            var payload = Parse(content.Payload!);
            // The payload's own persistFlag is explicit, so it wins; the server would default a missing one to 0.
            if (!payload.ContainsKey("persistFlag")) payload["persistFlag"] = PersistFlagOf(redDot, persist);
            return payload;
        }

        private static JsonObject Parse(byte[] bytes)
        {
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
            }
            catch (JsonException)
            {
                node = null;
            }
            if (!(node is JsonObject payload) || !(payload["type"] is JsonValue type) || !type.TryGetValue<int>(out _))
                throw Invalid("is not a WildfireChat MessagePayload. Pass a UTF-8 JSON object with an integer content type, " +
                              "e.g. {\"type\":1001,\"content\":\"...\",\"base64edData\":\"...\"} (custom types are 1000 or above), or use -Text.");

            // Client-SDK spellings that the server API silently ignores: refuse them instead of losing the data.
            RefuseClientName(payload, "binaryContent", "base64edData");
            RefuseClientName(payload, "mentionedTargets", "mentionedTarget");
            if (payload["base64edData"] is JsonValue data && (!data.TryGetValue<string>(out var text) || !IsBase64(text)))
                throw Invalid("has a base64edData that is not standard base64 text (the server would fail with HTTP 500).");
            return payload;
        }

        private static void RefuseClientName(JsonObject payload, string clientName, string serverName)
        {
            if (payload.ContainsKey(clientName))
                throw Invalid($"uses '{clientName}', the client SDKs' name; the server API ignores it. Name the field '{serverName}'.");
        }

        private static bool IsBase64(string text)
        {
            try
            {
                Convert.FromBase64String(text);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        private static ImInputException Invalid(string problem) => new ImInputException("Payload", "-Payload " + problem);
    }
}
