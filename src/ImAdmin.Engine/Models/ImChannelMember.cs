namespace ImAdmin.Engine.Models
{
    /// <summary>
    /// One user on a channel's subscriber list, blacklist or whitelist. The property names are the parameter names of
    /// the member cmdlets, so <c>Get-ImChannelBlacklist | Remove-ImChannelBlacklist</c> binds without renaming.
    /// </summary>
    public sealed class ImChannelMember
    {
        public ImChannelMember(string channelId, ChannelType channelType, string userId)
        {
            ChannelId = channelId;
            ChannelType = channelType;
            UserId = userId;
        }

        public string ChannelId { get; }

        public ChannelType ChannelType { get; }

        public string UserId { get; }

        public override string ToString() => $"{UserId} in {ChannelType} {ChannelId}";
    }
}
