using System;

namespace ImAdmin.Engine.Models
{
    /// <summary>
    /// A channel as the server reports it. WuKongIM reads back only <see cref="Ban"/> and <see cref="Disband"/>;
    /// <see cref="SendBan"/> and <see cref="AllowStranger"/> are known only right after this module wrote them
    /// (New-/Set-ImChannel -PassThru) and are empty otherwise. Groups of the other providers fill <see cref="Name"/>,
    /// <see cref="Owner"/>, <see cref="GroupType"/> and <see cref="MemberCount"/> where the server says.
    /// </summary>
    public sealed class ImChannel
    {
        public string ChannelId { get; set; } = string.Empty;

        public ChannelType ChannelType { get; set; }

        /// <summary>The group's name; null where the server has none (WuKongIM channels).</summary>
        public string? Name { get; set; }

        /// <summary>The group owner's user id; null where the server has none.</summary>
        public string? Owner { get; set; }

        /// <summary>The kind of group; null for WuKongIM channels.</summary>
        public GroupType? GroupType { get; set; }

        /// <summary>Members now in the group; null when the server does not say.</summary>
        public int? MemberCount { get; set; }

        /// <summary>Nobody but system users may send (a banned person channel can neither send nor receive).</summary>
        public bool Ban { get; set; }

        /// <summary>Members cannot send but still receive. Empty when unknown: the server never reports it.</summary>
        public bool? SendBan { get; set; }

        /// <summary>Person channels: non-friends may message the user. Empty when unknown: the server never reports it.</summary>
        public bool? AllowStranger { get; set; }

        /// <summary>Removed with Remove-ImChannel: messages and members stay, new messages are dropped.</summary>
        public bool Disband { get; set; }

        public int SubscriberCount { get; set; }

        public int BlacklistCount { get; set; }

        public int WhitelistCount { get; set; }

        public long LastMessageSequence { get; set; }

        public DateTimeOffset? LastMessageTime { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        public DateTimeOffset? UpdatedAt { get; set; }

        public override string ToString() => $"{ChannelType} {ChannelId}" + (Name == null ? string.Empty : $" '{Name}'") + (Disband ? " (disbanded)" : Ban ? " (banned)" : string.Empty);
    }
}
