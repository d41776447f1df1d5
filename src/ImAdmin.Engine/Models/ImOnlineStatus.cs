namespace ImAdmin.Engine.Models
{
    /// <summary>
    /// Whether a user is connected, per device kind. A user with no connection gets one entry with Online false
    /// and no DeviceFlag, so every requested user has an answer.
    /// </summary>
    public sealed class ImOnlineStatus
    {
        public string UserId { get; set; } = string.Empty;

        /// <summary>The device kind of the connections counted; null for an offline user.</summary>
        public DeviceFlag? DeviceFlag { get; set; }

        public bool Online { get; set; }

        /// <summary>How many connections the user has with this device kind (0 when offline).</summary>
        public int ConnectionCount { get; set; }

        public override string ToString() => Online ? $"{UserId} online ({DeviceFlag}, {ConnectionCount})" : $"{UserId} offline";
    }
}
