using System;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Models
{
    /// <summary>How far a user has read a conversation (Get-ImReadReceipt).</summary>
    public sealed class ImReadReceipt
    {
        public ImProvider Provider { get; set; }

        public string UserId { get; set; } = string.Empty;

        public string ChannelId { get; set; } = string.Empty;

        public ChannelType ChannelType { get; set; }

        /// <summary>Messages up to this time count as read; null when the user has read nothing there.</summary>
        public DateTimeOffset? ReadUntil { get; set; }

        public override string ToString() => $"{UserId} read {ChannelId} until {ReadUntil?.ToString("u") ?? "never"}";
    }
}
