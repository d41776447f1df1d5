namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>Where the message store meets the channel records: who gets a conversation, and which channels drop sends.</summary>
public sealed partial class WuKongState
{
    /// <summary>A group-like channel's subscribers each get the message in their conversation list.</summary>
    partial void CollectSubscribers(ChannelKey channel, ISet<string> members)
    {
        foreach (var member in _channelMembers.GetValueOrDefault((ChannelMemberKind.Subscribers, channel.Id, channel.Type)) ?? [])
            members.Add(member.Uid);
    }

    /// <summary>API sends skip sender checks; only a banned or disbanded channel drops them, after answering 200 (see docs/server-behaviour/wukongim.md, 'Channels').</summary>
    partial void DropsMessages(ChannelKey channel, ref bool dropped)
    {
        if (_channelInfos.TryGetValue((channel.Id, channel.Type), out var info) && (info.Flags.Ban || info.Flags.Disband)) dropped = true;
    }
}
