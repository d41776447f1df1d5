using System.Collections.Generic;
using System.Linq;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Channels
{
    /// <summary>User ids for one call on one channel's list, with the pipeline rows they came from.</summary>
    public sealed class MemberBatch
    {
        private readonly IReadOnlyDictionary<string, List<object>> _sourcesByUser;

        internal MemberBatch(string channelId, ChannelType channelType, IReadOnlyList<string> userIds, IReadOnlyList<object> sources,
            IReadOnlyDictionary<string, List<object>> sourcesByUser)
        {
            _sourcesByUser = sourcesByUser;
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

        /// <summary>The rows that named <paramref name="userId"/> (the targets of that user's own error); none for a user not in the batch.</summary>
        public IReadOnlyList<object> SourcesOf(string userId) =>
            _sourcesByUser.TryGetValue(userId, out var rows) ? rows : (IReadOnlyList<object>)System.Array.Empty<object>();

        /// <summary>Every user succeeded: the outcome of a call whose answer has no per-user part.</summary>
        public IReadOnlyList<ItemResult<string>> AllSucceeded() => UserIds.Select(u => ItemResult<string>.Success(u, u)).ToList();
    }
}
