namespace ImAdmin.Engine.Channels
{
    /// <summary>The three user lists a WuKongIM channel keeps.</summary>
    public enum ChannelMemberList
    {
        /// <summary>Who receives the channel's messages.</summary>
        Subscribers,

        /// <summary>The deny list: these users cannot send (person channel: cannot message the owner).</summary>
        Blacklist,

        /// <summary>The allow list: when it is not empty, only these users may send.</summary>
        Whitelist,
    }
}
