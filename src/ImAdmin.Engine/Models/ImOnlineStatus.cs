using System;

namespace ImAdmin.Engine.Models
{
    /// <summary>
    /// Whether a user is connected. WuKongIM answers per device kind (one entry per kind, with the connection count);
    /// Tencent Cloud IM answers per user with a Status and the platforms logged in; WildfireChat per client session
    /// (ClientId, Platform, LastSeen). A user with no connection gets one entry with Online false and no DeviceFlag, so
    /// every requested user has an answer.
    /// </summary>
    public sealed class ImOnlineStatus
    {
        public string UserId { get; set; } = string.Empty;

        /// <summary>The device kind of the connections counted (WuKongIM), or of the client's platform (WildfireChat); null for an offline user and on Tencent Cloud IM.</summary>
        public DeviceFlag? DeviceFlag { get; set; }

        /// <summary>True when the user has a live connection (Tencent Status Online; PushOnline is not online).</summary>
        public bool Online { get; set; }

        /// <summary>How many connections the user has with this device kind, or (Tencent) how many platforms are logged in.</summary>
        public int ConnectionCount { get; set; }

        /// <summary>Tencent Cloud IM's word for the user: Online, PushOnline (in the background, reachable by push) or Offline; null on WuKongIM.</summary>
        public string? Status { get; set; }

        /// <summary>Tencent Cloud IM: the platforms logged in (iPhone, Android, Web, PC, ...); empty otherwise.</summary>
        public string[] Platforms { get; set; } = Array.Empty<string>();

        /// <summary>WildfireChat: the client session's id (a session that has logged in at least once); null elsewhere.</summary>
        public string? ClientId { get; set; }

        /// <summary>WildfireChat: the platform the client session runs on; null elsewhere.</summary>
        public Webhooks.WildfirePlatform? Platform { get; set; }

        /// <summary>WildfireChat: when the client session was last seen by the server.</summary>
        public DateTimeOffset? LastSeen { get; set; }

        /// <summary>WildfireChat: the client app's package name, when the client reported one.</summary>
        public string? PackageName { get; set; }

        public override string ToString() =>
            Status != null ? $"{UserId} {Status}" : Online ? $"{UserId} online ({DeviceFlag}, {ConnectionCount})" : $"{UserId} offline";
    }
}
