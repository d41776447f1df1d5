using System;
using System.Collections.Generic;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Channels
{
    /// <summary>A group to create: New-ImChannel -ChannelType Group on a provider with group APIs.</summary>
    public sealed class GroupSpec
    {
        public GroupSpec(string groupId)
        {
            GroupId = groupId;
        }

        /// <summary>The group's id; this module always sends its own, so a re-run finds the group instead of making a second one.</summary>
        public string GroupId { get; }

        public string? Name { get; set; }

        /// <summary>The owner's user id; null lets the provider choose (its admin account).</summary>
        public string? Owner { get; set; }

        /// <summary>Null lets the provider choose its usual kind.</summary>
        public GroupType? GroupType { get; set; }

        /// <summary>Users who join at creation (besides the owner).</summary>
        public IReadOnlyList<string> Members { get; set; } = Array.Empty<string>();
    }
}
