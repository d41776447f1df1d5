using System;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Models
{
    /// <summary>How far messages have reached a user's devices (Get-ImDeliveryStatus).</summary>
    public sealed class ImDeliveryStatus
    {
        public ImProvider Provider { get; set; }

        public string UserId { get; set; } = string.Empty;

        /// <summary>Messages up to this time have been delivered to the user; null when nothing has been.</summary>
        public DateTimeOffset? DeliveredUntil { get; set; }

        public override string ToString() => $"{UserId}: delivered until {DeliveredUntil?.ToString("u") ?? "never"}";
    }
}
