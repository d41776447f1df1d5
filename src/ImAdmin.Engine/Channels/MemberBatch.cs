using System.Collections.Generic;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Channels
{
    /// <summary>User ids for one call on one channel's list, with the pipeline rows they came from.</summary>
    public sealed class MemberBatch
    {
        internal MemberBatch(string channelId, ChannelType channelType, IReadOnlyList<string> userIds, IReadOnlyList<object> sources)
        {
            ChannelId = channelId;
            ChannelType = channelType;
            UserIds = userIds;
            Sources = sources;
        }

        public string ChannelId { get; }

        public ChannelType ChannelType { get; }

        /// <summary>Distinct user ids, in arrival order.</summary>
        public IReadOnlyList<string> UserIds { get; }

        /// <summary>The rows behind <see cref="UserIds"/>, each once: the targets of the errors if the call fails.</summary>
        public IReadOnlyList<object> Sources { get; }
    }
}
