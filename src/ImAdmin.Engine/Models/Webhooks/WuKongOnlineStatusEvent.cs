namespace ImAdmin.Engine.Models.Webhooks
{
    /// <summary>One entry of a WuKongIM user.onlinestatus webhook: a connection of a user went up or down.</summary>
    public sealed class WuKongOnlineStatusEvent : ImWebhookEvent
    {
        public string UserId { get; set; } = string.Empty;

        public DeviceFlag DeviceFlag { get; set; }

        /// <summary>True when the connection came up, false when it went down.</summary>
        public bool Online { get; set; }

        public long ConnectionId { get; set; }

        /// <summary>The user's connections with this device flag, after the change.</summary>
        public int DeviceOnlineCount { get; set; }

        /// <summary>The user's connections on every device, after the change.</summary>
        public int TotalOnlineCount { get; set; }

        public override string ToString() => $"{UserId} {DeviceFlag} {(Online ? "online" : "offline")} (connection {ConnectionId}, {TotalOnlineCount} online in total)";
    }
}
