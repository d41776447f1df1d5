using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Webhooks.WuKongIM
{
    /// <summary>
    /// WuKongIM webhooks (see docs/server-behaviour/wukongim.md, 'Webhooks'). The event name comes in ?event=; without it the body's shape tells:
    /// an array of strings is user.onlinestatus, an object is msg.offline, an array of objects is msg.notify (or
    /// msg.offline when the objects carry recipients, as the seed doc's array form does).
    /// </summary>
    internal static class WuKongWebhookParser
    {
        public const string OnlineStatus = "user.onlinestatus";
        public const string Notify = "msg.notify";
        public const string Offline = "msg.offline";

        public static readonly IReadOnlyList<string> Events = new[] { OnlineStatus, Notify, Offline };

        public static void Parse(WebhookRequest request, JsonElement root, WebhookParseResult result)
        {
            var given = request.Event ?? request.Query["event"];
            var name = given == null ? Infer(root) : WebhookParser.Canonical(Events, given);
            result.Event = name ?? given;
            switch (name)
            {
                case OnlineStatus:
                    WuKongOnlineStatusReader.Read(root, result);
                    break;
                case Notify:
                case Offline:
                    ReadMessages(root, name, result);
                    break;
                default:
                    WebhookParser.AddUnknown(request, result, given,
                        given == null ? $"body is {WebhookJson.Describe(root)} of no known shape" : $"event '{given}' is not one ImAdmin knows ({string.Join(", ", Events)})");
                    break;
            }
        }

        private static string? Infer(JsonElement root)
        {
            if (root.ValueKind == JsonValueKind.Object) return root.Has("message_id") || root.Has("message_idstr") ? Offline : null;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0) return null;
            var first = root[0];
            if (first.ValueKind == JsonValueKind.String) return OnlineStatus;
            if (first.ValueKind != JsonValueKind.Object) return null;
            return first.Has("to_uids") || first.Has("compress_to_uids") ? Offline : Notify;
        }

        private static void ReadMessages(JsonElement root, string name, WebhookParseResult result)
        {
            // msg.notify is an array and msg.offline one object (v2); the other form is accepted too (seed doc, older servers).
            var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList()
                : root.ValueKind == JsonValueKind.Object ? new List<JsonElement> { root }
                : null;
            if (items == null)
            {
                result.Errors.Add(WebhookParser.Malformed(ImProvider.WuKongIM, $"A {name} body is {(name == Notify ? "an array of messages" : "a message object")}; this body is {WebhookJson.Describe(root)}."));
                return;
            }
            var notObjects = items.Count(i => i.ValueKind != JsonValueKind.Object);
            if (notObjects > 0)
                result.Errors.Add(WebhookParser.Malformed(ImProvider.WuKongIM,
                    $"{notObjects} of the {items.Count} entries of this {name} body are not message objects (the body is {WebhookJson.Describe(root)})."));
            foreach (var item in items.Where(i => i.ValueKind == JsonValueKind.Object))
            {
                if (!WebhookShape.Require(ImProvider.WuKongIM, name, item, result, item.Has("message_idstr") ? "message_idstr" : "message_id"))
                    continue;
                try
                {
                    result.Events.Add(WuKongMessageReader.Read(item, name));
                }
                catch (FormatException ex)
                {
                    result.Errors.Add(WebhookParser.Malformed(ImProvider.WuKongIM, $"Message {item.Str("message_id") ?? "(no message_id)"} of this {name} body: {ex.Message}"));
                }
            }
        }
    }
}
