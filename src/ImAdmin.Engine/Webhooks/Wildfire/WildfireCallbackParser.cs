using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Webhooks.Wildfire
{
    /// <summary>
    /// WildfireChat server callbacks (see docs/server-behaviour/wildfire.md, 'Callbacks'). They carry no event name, so the name is -Event or the
    /// body's shape; the field names are the server code's (operatorId, memberIds[]), not the docs'.
    /// </summary>
    internal static class WildfireCallbackParser
    {
        public const string Message = "message.forward";
        public const string Recall = "message.recall";
        public const string OnlineStatus = "user.online_status";
        public const string UserInfo = "user.info_update";
        public const string Relation = "relation.update";
        public const string GroupInfo = "group.info_update";
        public const string GroupMember = "group.member_update";
        public const string ChannelInfo = "channel.info_update";
        public const string ChannelSubscribe = "channel.subscribe";
        public const string ChatroomInfo = "chatroom.info_update";
        public const string ChatroomMember = "chatroom.member_update";

        private static readonly Dictionary<string, Func<JsonElement, IImWebhookEvent>> Readers =
            new Dictionary<string, Func<JsonElement, IImWebhookEvent>>(StringComparer.OrdinalIgnoreCase)
            {
                [Message] = b => WildfireMessageReader.Read(b, Message),
                [Recall] = WildfireMessageReader.Recall,
                [OnlineStatus] = WildfireUserEventReaders.OnlineStatus,
                [UserInfo] = WildfireUserEventReaders.UserInfo,
                [Relation] = WildfireUserEventReaders.Relation,
                [GroupInfo] = WildfireGroupEventReaders.GroupInfo,
                [GroupMember] = WildfireGroupEventReaders.GroupMember,
                [ChannelInfo] = WildfireGroupEventReaders.ChannelInfo,
                [ChannelSubscribe] = WildfireGroupEventReaders.ChannelSubscribe,
                [ChatroomInfo] = WildfireGroupEventReaders.ChatroomInfo,
                [ChatroomMember] = WildfireGroupEventReaders.ChatroomMember,
            };

        public static readonly IReadOnlyList<string> Events = Readers.Keys.ToArray();

        public static void Parse(WebhookRequest request, JsonElement body, WebhookParseResult result)
        {
            var name = request.Event ?? Infer(body);
            result.Event = WebhookParser.Canonical(Events, name) ?? name;
            if (body.ValueKind != JsonValueKind.Object)
            {
                result.Errors.Add(WebhookParser.Malformed(ImProvider.Wildfire, $"A Wildfire callback body is a JSON object; this body is {WebhookJson.Describe(body)}."));
                return;
            }
            if (name == null || !Readers.TryGetValue(name, out var read))
            {
                WebhookParser.AddUnknown(request, result, name,
                    name == null ? "body has no shape ImAdmin knows (pass -Event to name it)" : $"event '{name}' is not one ImAdmin knows ({string.Join(", ", Events)})");
                return;
            }
            if (!WebhookShape.Require(ImProvider.Wildfire, result.Event!, body, result, RequiredFields(result.Event!))) return;
            var ev = read(body);
            if (ev is ImWebhookEvent plain)
            {
                plain.Provider = ImProvider.Wildfire;
                plain.Event = result.Event!;
            }
            result.Events.Add(ev);
        }

        /// <summary>The fields that make a body the event it is read as (the ones <see cref="Infer"/> tells it by).</summary>
        private static string[] RequiredFields(string eventName) => eventName switch
        {
            Message => new[] { "conv", "payload" },
            Recall => new[] { "message" },
            GroupInfo or GroupMember => new[] { "groupId" },
            ChatroomInfo or ChatroomMember => new[] { "chatroomId" },
            ChannelInfo or ChannelSubscribe => new[] { "channelId" },
            _ => new[] { "userId" },
        };

        /// <summary>The event a body is, from the fields only that event has.</summary>
        private static string? Infer(JsonElement b)
        {
            if (b.ValueKind != JsonValueKind.Object) return null;
            if (b.Has("conv") && b.Has("payload")) return Message;
            if (b.Has("message") && (b.Has("isAdmin") || b.Has("userId"))) return Recall;
            if (b.Has("groupId")) return b.Has("memberIds") ? GroupMember : GroupInfo;
            if (b.Has("chatroomId")) return b.Has("memberIds") ? ChatroomMember : ChatroomInfo;
            if (b.Has("channelId")) return b.Has("operatorId") || !b.Has("userId") ? ChannelInfo : ChannelSubscribe;
            if (!b.Has("userId")) return null;
            if (b.Has("targetId")) return Relation;
            if (b.Has("clientId") || b.Has("sessions")) return OnlineStatus;
            if (b.Has("name") || b.Has("displayName") || b.Has("updateDt")) return UserInfo;
            return null;
        }
    }
}
