using System.Text.Json.Serialization;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>A Wildfire conversation (<c>conv</c>): type 0 private, 1 group, 2 chatroom, 3 channel, 4 things.</summary>
    internal sealed class WildfireConversation
    {
        public WildfireConversation(int type, string target, int line = 0)
        {
            Type = type;
            Target = target;
            Line = line;
        }

        [JsonPropertyName("type")]
        public int Type { get; }

        [JsonPropertyName("target")]
        public string Target { get; }

        /// <summary>Conversation line; 0 unless an app partitions conversations into lines.</summary>
        [JsonPropertyName("line")]
        public int Line { get; }

        /// <summary>The conversation type of <paramref name="channelType"/>, or a clear error for kinds Wildfire lacks.</summary>
        public static int TypeOf(ChannelType channelType) => channelType switch
        {
            ChannelType.Person => 0,
            ChannelType.Group => 1,
            ChannelType.ChatRoom => 2,
            ChannelType.Broadcast => 3,
            ChannelType.Things => 4,
            _ => throw new ImCapabilityException(ImProvider.Wildfire, $"-ChannelType {channelType}",
                "WildfireChat conversations are Person, Group, ChatRoom, Broadcast (a WildfireChat channel) and Things.")
            {
                ParameterName = "ChannelType",
            },
        };
    }
}
