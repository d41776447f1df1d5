namespace ImAdmin.Engine.Models.Webhooks
{
    /// <summary>The client platform a Wildfire connection runs on.</summary>
    public enum WildfirePlatform
    {
        Unset = 0,
        iOS = 1,
        Android = 2,
        Windows = 3,
        OSX = 4,
        Web = 5,
        WeChatMiniProgram = 6,
        Linux = 7,
        iPad = 8,
        AndroidPad = 9,
        Harmony = 10,
        HarmonyPad = 11,
        HarmonyPC = 12,
    }

    /// <summary>Status of a Wildfire client (user.online_status_callback).</summary>
    public enum WildfireOnlineState
    {
        Logout = -1,
        Online = 0,
        Offline = 1,
    }

    /// <summary>What changed in a relation.update callback.</summary>
    public enum WildfireRelationChange
    {
        Friend = 0,
        Alias = 1,
        Blacklist = 2,
        Extra = 3,
    }

    /// <summary>What happened to a group in a group.info_update callback.</summary>
    public enum WildfireGroupChange
    {
        Create = 0,
        Update = 1,
        Transfer = 2,
        Mute = 3,
        Unmute = 4,
        Destroy = 5,
    }

    /// <summary>What happened to group members in a group.member_update callback.</summary>
    public enum WildfireGroupMemberChange
    {
        Join = 0,
        Leave = 1,
        Kick = 2,
        TypeChange = 3,
        Alias = 4,
        Extra = 5,
    }

    /// <summary>What happened to a channel in a channel.info_update callback.</summary>
    public enum WildfireChannelChange
    {
        Create = 0,
        Update = 1,
        Transfer = 2,
        Destroy = 3,
    }

    /// <summary>What happened to a chatroom in a chatroom.info_update callback.</summary>
    public enum WildfireChatroomChange
    {
        Create = 0,
        Destroy = 1,
    }

    /// <summary>What happened to chatroom members in a chatroom.member_update callback.</summary>
    public enum WildfireChatroomMemberChange
    {
        Join = 0,
        Leave = 1,
        Kick = 2,
        Mute = 3,
        Unmute = 4,
    }
}
