using System;

namespace ImAdmin.Engine.Models.Webhooks
{
    /// <summary>A group's profile as a Wildfire group.info_update callback carries it.</summary>
    public sealed class WildfireGroupInfo
    {
        public string GroupId { get; set; } = string.Empty;
        public string? Name { get; set; }
        public string? Portrait { get; set; }
        public string? Owner { get; set; }

        /// <summary>0 normal, 1 free, 2 restricted, 3 organization.</summary>
        public int Type { get; set; }

        public string? Extra { get; set; }
        public int Mute { get; set; }
        public int JoinType { get; set; }
        public int PrivateChat { get; set; }
        public int Searchable { get; set; }
        public int MaxMemberCount { get; set; }
        public int HistoryMessage { get; set; }
        public int SuperGroup { get; set; }

        public override string ToString() => $"{GroupId} '{Name}'";
    }

    /// <summary>group.info_update: a group was created, updated, transferred, muted, unmuted or destroyed.</summary>
    public sealed class WildfireGroupInfoEvent : ImWebhookEvent
    {
        public string? OperatorUserId { get; set; }
        public string GroupId { get; set; } = string.Empty;
        public WildfireGroupChange Type { get; set; }
        public WildfireGroupInfo? Group { get; set; }

        public override string ToString() => $"group {GroupId} {Type} by {OperatorUserId}";
    }

    /// <summary>group.member_update: members joined, left, were kicked, or their type, alias or extra changed.</summary>
    public sealed class WildfireGroupMemberEvent : ImWebhookEvent
    {
        public string? OperatorUserId { get; set; }
        public string GroupId { get; set; } = string.Empty;
        public string[] Members { get; set; } = Array.Empty<string>();
        public WildfireGroupMemberChange Type { get; set; }
        public string? Value { get; set; }

        public override string ToString() => $"group {GroupId} {Type}: {string.Join(", ", Members)}";
    }

    /// <summary>channel.info_update: a channel was created, updated, transferred or destroyed.</summary>
    public sealed class WildfireChannelInfoEvent : ImWebhookEvent
    {
        public string? OperatorUserId { get; set; }
        public string ChannelId { get; set; } = string.Empty;
        public WildfireChannelChange Type { get; set; }

        public override string ToString() => $"channel {ChannelId} {Type} by {OperatorUserId}";
    }

    /// <summary>channel.subscribe: a user subscribed to or unsubscribed from a channel (the channel's own callback).</summary>
    public sealed class WildfireChannelSubscribeEvent : ImWebhookEvent
    {
        public string UserId { get; set; } = string.Empty;
        public string ChannelId { get; set; } = string.Empty;
        public bool Subscribed { get; set; }

        public override string ToString() => $"{UserId} {(Subscribed ? "subscribed to" : "unsubscribed from")} {ChannelId}";
    }

    /// <summary>chatroom.info_update: a chatroom was created or destroyed.</summary>
    public sealed class WildfireChatroomInfoEvent : ImWebhookEvent
    {
        public string ChatroomId { get; set; } = string.Empty;
        public WildfireChatroomChange Type { get; set; }

        public override string ToString() => $"chatroom {ChatroomId} {Type}";
    }

    /// <summary>chatroom.member_update: members joined, left, were kicked, muted or unmuted.</summary>
    public sealed class WildfireChatroomMemberEvent : ImWebhookEvent
    {
        public string? OperatorUserId { get; set; }
        public string ChatroomId { get; set; } = string.Empty;
        public string[] Members { get; set; } = Array.Empty<string>();
        public WildfireChatroomMemberChange Type { get; set; }

        public override string ToString() => $"chatroom {ChatroomId} {Type}: {string.Join(", ", Members)}";
    }
}
