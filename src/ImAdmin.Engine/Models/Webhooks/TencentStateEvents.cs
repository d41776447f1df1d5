using System;

namespace ImAdmin.Engine.Models.Webhooks
{
    /// <summary>State.StateChange: a user logged in, logged out or lost the network.</summary>
    public sealed class TencentStateChangeEvent : TencentCallbackEvent
    {
        public string UserId { get; set; } = string.Empty;

        /// <summary>Login (TCP up), Logout (TCP closed) or Disconnect (network lost).</summary>
        public string Action { get; set; } = string.Empty;

        public string? Reason { get; set; }

        /// <summary>Platforms of other devices this login kicked off (iOS, Android, Web, Windows, iPad, Mac, Linux).</summary>
        public string[] KickedDevices { get; set; } = Array.Empty<string>();

        public bool Online => string.Equals(Action, "Login", StringComparison.OrdinalIgnoreCase);

        public override string ToString() => $"{UserId} {Action}" + (string.IsNullOrEmpty(Reason) ? string.Empty : $" ({Reason})");
    }

    /// <summary>Alert.RequestOverLimit: a REST API passed 80% of its frequency limit.</summary>
    public sealed class TencentRequestOverLimitEvent : TencentCallbackEvent
    {
        public string? ServiceName { get; set; }

        public string? Command { get; set; }

        /// <summary>Requests per second seen (Request).</summary>
        public int RequestRate { get; set; }

        /// <summary>The API's limit in requests per second.</summary>
        public int Limit { get; set; }

        public override string ToString() => $"{ServiceName}/{Command}: {RequestRate} requests/s, limit {Limit}";
    }
}
