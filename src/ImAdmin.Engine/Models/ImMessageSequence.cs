using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Models
{
    /// <summary>The sequence number of a channel's newest message (0 = the channel has none).</summary>
    public sealed class ImMessageSequence
    {
        public ImProvider Provider { get; set; }

        public string ChannelId { get; set; } = string.Empty;

        public ChannelType ChannelType { get; set; }

        /// <summary>The viewing user of a person channel, when given.</summary>
        public string? UserId { get; set; }

        public long MessageSequence { get; set; }

        public override string ToString() => $"{ChannelId} ({ChannelType}): {MessageSequence}";
    }
}
