using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Queries
{
    /// <summary>An event for a message or stream (Send-ImEvent).</summary>
    public sealed class MessageEventRequest
    {
        public MessageEventRequest(string clientMsgNo, string channelId, ChannelType channelType, string eventType)
        {
            ClientMsgNo = clientMsgNo;
            ChannelId = channelId;
            ChannelType = channelType;
            EventType = eventType;
        }

        /// <summary>The message (stream) the event belongs to.</summary>
        public string ClientMsgNo { get; }

        public string ChannelId { get; }

        public ChannelType ChannelType { get; }

        /// <summary>e.g. stream.delta, stream.finish (v2.2.4+) or ___TextMessageStart (v2.2.1-2.2.3).</summary>
        public string EventType { get; }

        public string? From { get; set; }

        /// <summary>The event's id; a new one is made when absent (v2.2.4+ requires one).</summary>
        public string? EventId { get; set; }

        /// <summary>The event data: JSON is sent as JSON on v2.2.4+, anything else as a string.</summary>
        public string? Data { get; set; }
    }
}
