using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Channels
{
    /// <summary>Every flag of a channel as one write to the server sent it (the server stores exactly this).</summary>
    public sealed class ChannelState
    {
        public ChannelState(string channelId, ChannelType channelType, bool ban, bool sendBan, bool allowStranger, bool disband)
        {
            ChannelId = channelId;
            ChannelType = channelType;
            Ban = ban;
            SendBan = sendBan;
            AllowStranger = allowStranger;
            Disband = disband;
        }

        public string ChannelId { get; }
        public ChannelType ChannelType { get; }
        public bool Ban { get; }
        public bool SendBan { get; }
        public bool AllowStranger { get; }
        public bool Disband { get; }
    }
}
