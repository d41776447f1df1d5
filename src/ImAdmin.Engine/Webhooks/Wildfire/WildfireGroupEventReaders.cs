using System.Text.Json;
using ImAdmin.Engine.Models.Webhooks;

namespace ImAdmin.Engine.Webhooks.Wildfire
{
    /// <summary>Readers of the group, channel and chatroom callbacks (groupInfo keeps the server's snake_case names).</summary>
    internal static class WildfireGroupEventReaders
    {
        public static IImWebhookEvent GroupInfo(JsonElement b)
        {
            var info = b.TryGetProperty("groupInfo", out var g) && g.ValueKind == JsonValueKind.Object ? g : (JsonElement?)null;
            return new WildfireGroupInfoEvent
            {
                OperatorUserId = b.Str("operatorId"),
                GroupId = b.Str("groupId") ?? info?.Str("target_id") ?? string.Empty,
                Type = (WildfireGroupChange)b.Int("type"),
                Group = info is { } i ? Group(i) : null,
            };
        }

        private static WildfireGroupInfo Group(JsonElement g) => new WildfireGroupInfo
        {
            GroupId = g.Str("target_id") ?? string.Empty,
            Name = g.Str("name"),
            Portrait = g.Str("portrait"),
            Owner = g.Str("owner"),
            Type = g.Int("type"),
            Extra = g.Str("extra"),
            Mute = g.Int("mute"),
            JoinType = g.Int("join_type"),
            PrivateChat = g.Int("private_chat"),
            Searchable = g.Int("searchable"),
            MaxMemberCount = g.Int("max_member_count"),
            HistoryMessage = g.Int("history_message"),
            SuperGroup = g.Int("super_group"),
        };

        public static IImWebhookEvent GroupMember(JsonElement b) => new WildfireGroupMemberEvent
        {
            OperatorUserId = b.Str("operatorId"),
            GroupId = b.Str("groupId") ?? string.Empty,
            Members = b.Strings("memberIds"),
            Type = (WildfireGroupMemberChange)b.Int("type"),
            Value = b.Str("value"),
        };

        public static IImWebhookEvent ChannelInfo(JsonElement b) => new WildfireChannelInfoEvent
        {
            OperatorUserId = b.Str("operatorId"),
            ChannelId = b.Str("channelId") ?? string.Empty,
            Type = (WildfireChannelChange)b.Int("type"),
        };

        public static IImWebhookEvent ChannelSubscribe(JsonElement b) => new WildfireChannelSubscribeEvent
        {
            UserId = b.Str("userId") ?? string.Empty,
            ChannelId = b.Str("channelId") ?? string.Empty,
            Subscribed = b.Flag("status"),
        };

        public static IImWebhookEvent ChatroomInfo(JsonElement b) => new WildfireChatroomInfoEvent
        {
            ChatroomId = b.Str("chatroomId") ?? string.Empty,
            Type = (WildfireChatroomChange)b.Int("type"),
        };

        public static IImWebhookEvent ChatroomMember(JsonElement b) => new WildfireChatroomMemberEvent
        {
            OperatorUserId = b.Str("operatorId"),
            ChatroomId = b.Str("chatroomId") ?? string.Empty,
            Members = b.Strings("memberIds"),
            Type = (WildfireChatroomMemberChange)b.Int("type"),
        };
    }
}
