namespace ImAdmin.Engine.Models
{
    /// <summary>
    /// The kind of conversation a message goes to. Values 1-12 are WuKongIM's own numbers (so -ChannelType 2 works);
    /// the rest are Wildfire conversation kinds that WuKongIM lacks.
    /// </summary>
    public enum ChannelType
    {
        /// <summary>One-to-one: the channel id is the other user's id.</summary>
        Person = 1,
        Group = 2,
        CustomerService = 3,
        Community = 4,
        CommunityTopic = 5,
        Info = 6,
        Data = 7,
        Temp = 8,
        Live = 9,
        Visitors = 10,
        Agent = 11,
        AgentGroup = 12,

        /// <summary>Wildfire chatroom (conversation type 2).</summary>
        ChatRoom = 100,

        /// <summary>Wildfire channel, the broadcast-account kind (conversation type 3).</summary>
        Broadcast = 101,

        /// <summary>Wildfire IoT device conversation (type 4).</summary>
        Things = 102,
    }
}
