using System;

namespace ImAdmin.Engine.Models.Webhooks
{
    /// <summary>One client of a user, in a Wildfire online-status callback.</summary>
    public sealed class WildfireClientSession
    {
        public string ClientId { get; set; } = string.Empty;
        public string UserId { get; set; } = string.Empty;
        public WildfirePlatform Platform { get; set; }
        public WildfireOnlineState Status { get; set; }
        public DateTimeOffset? LastSeen { get; set; }
        public string? PackageName { get; set; }

        public override string ToString() => $"{ClientId} {Platform} {Status}";
    }

    /// <summary>user.online_status: a client connected or disconnected (user.online_status_callback).</summary>
    public sealed class WildfireOnlineStatusEvent : ImWebhookEvent
    {
        public string UserId { get; set; } = string.Empty;
        public string? ClientId { get; set; }
        public WildfirePlatform Platform { get; set; }
        public WildfireOnlineState Status { get; set; }
        public bool Online => Status == WildfireOnlineState.Online;
        public DateTimeOffset? Timestamp { get; set; }
        public string? PackageName { get; set; }
        public int CustomState { get; set; }
        public string? CustomText { get; set; }

        /// <summary>Every client of the user after the change (servers from 2024-03 on).</summary>
        public WildfireClientSession[] Sessions { get; set; } = Array.Empty<WildfireClientSession>();

        public override string ToString() => $"{UserId} {Platform} {Status}";
    }

    /// <summary>user.info_update: a user's profile changed (user.user_info_update_callback).</summary>
    public sealed class WildfireUserInfoEvent : ImWebhookEvent
    {
        public string UserId { get; set; } = string.Empty;
        public string? Name { get; set; }
        public string? DisplayName { get; set; }
        public string? Portrait { get; set; }
        public int Gender { get; set; }
        public string? Mobile { get; set; }
        public string? Email { get; set; }
        public string? Address { get; set; }
        public string? Company { get; set; }
        public string? Social { get; set; }
        public string? Extra { get; set; }
        public int Type { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }

        public override string ToString() => $"{UserId} profile updated ({DisplayName})";
    }

    /// <summary>relation.update: a friend, alias, blacklist or extra relation changed (relation.relation_update_callback).</summary>
    public sealed class WildfireRelationEvent : ImWebhookEvent
    {
        public string UserId { get; set; } = string.Empty;

        /// <summary>The other user (targetId).</summary>
        public string PeerUserId { get; set; } = string.Empty;

        public WildfireRelationChange Type { get; set; }

        /// <summary>The new value: "1"/"0" for friend and blacklist, the alias, or the extra text.</summary>
        public string? Value { get; set; }

        public override string ToString() => $"{UserId} {Type} {PeerUserId} = {Value}";
    }
}
