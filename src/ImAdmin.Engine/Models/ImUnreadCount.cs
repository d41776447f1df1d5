namespace ImAdmin.Engine.Models
{
    /// <summary>A user's unread C2C message count: with one peer, or in total (PeerUserId null).</summary>
    public sealed class ImUnreadCount
    {
        public string UserId { get; set; } = string.Empty;

        /// <summary>The other party of the conversation; null for the total over all conversations.</summary>
        public string? PeerUserId { get; set; }

        public long UnreadCount { get; set; }

        public override string ToString() => PeerUserId == null ? $"{UserId}: {UnreadCount} unread" : $"{UserId} <- {PeerUserId}: {UnreadCount} unread";
    }
}
