using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Models
{
    /// <summary>An event attached to a message (WuKongIM stream/AG-UI events), as the server accepted it.</summary>
    public sealed class ImEventResult
    {
        public ImProvider Provider { get; set; }

        public string ChannelId { get; set; } = string.Empty;

        public ChannelType ChannelType { get; set; }

        /// <summary>The message (stream) the event belongs to.</summary>
        public string ClientMsgNo { get; set; } = string.Empty;

        public string? EventId { get; set; }

        public string EventType { get; set; } = string.Empty;

        /// <summary>The event stream key (v2.2.4+).</summary>
        public string? EventKey { get; set; }

        /// <summary>The event's number within its stream (v2.2.4+).</summary>
        public long? EventSequence { get; set; }

        /// <summary>The stream's state after this event (v2.2.4+).</summary>
        public string? StreamStatus { get; set; }

        public string? From { get; set; }

        /// <summary>The route used: /message/event (v2.2.4+) or /event (v2.2.1-2.2.3).</summary>
        public string Api { get; set; } = string.Empty;

        public override string ToString() => $"{EventType} {EventId} -> {ChannelId}/{ClientMsgNo}";
    }
}
