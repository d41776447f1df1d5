namespace ImAdmin.Engine.Models
{
    /// <summary>A user's device slot that Set-ImUserToken registered or Disconnect-ImDevice logged out (never the token).</summary>
    public sealed class ImUserDevice
    {
        public string UserId { get; set; } = string.Empty;

        /// <summary>App, Web, PC, or All (Disconnect-ImDevice only).</summary>
        public DeviceFlag DeviceFlag { get; set; }

        /// <summary>The level the token was registered with; null where it does not apply (logouts).</summary>
        public DeviceLevel? DeviceLevel { get; set; }

        public override string ToString() => $"{UserId} {DeviceFlag}" + (DeviceLevel.HasValue ? $" ({DeviceLevel})" : string.Empty);
    }
}
