using System;
using System.Collections.Generic;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Queries
{
    /// <summary>A message search in one user's conversations (Search-ImMessage; WuKongIM: the wk.plugin.search plugin).</summary>
    public sealed class MessageSearchQuery
    {
        public const int DefaultPageSize = 20;

        public MessageSearchQuery(string userId) => UserId = userId;

        /// <summary>The user whose messages are searched.</summary>
        public string UserId { get; }

        /// <summary>Text the message content must contain.</summary>
        public string? Keyword { get; set; }

        public string? ChannelId { get; set; }

        public ChannelType? ChannelType { get; set; }

        public string? From { get; set; }

        /// <summary>Payload "type" values (1 = text).</summary>
        public IReadOnlyList<int>? PayloadTypes { get; set; }

        public DateTimeOffset? StartTime { get; set; }

        /// <summary>Inclusive.</summary>
        public DateTimeOffset? EndTime { get; set; }

        /// <summary>Results per server call.</summary>
        public int PageSize { get; set; } = DefaultPageSize;
    }

    /// <summary>One page of search results and the plugin's total number of matches.</summary>
    public sealed class MessageSearchPage
    {
        internal MessageSearchPage(int total, IReadOnlyList<ImMessage> messages)
        {
            Total = total;
            Messages = messages;
        }

        public int Total { get; }

        public IReadOnlyList<ImMessage> Messages { get; }
    }
}
