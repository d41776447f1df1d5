using System;
using System.Collections.Generic;
using System.Linq;
using ImAdmin.Engine.Batching;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Messaging
{
    /// <summary>
    /// Groups Send-ImMessage rows into provider batch calls as they arrive (the key of a <see cref="RowBatcher{TKey,TItem}"/>). Rows share a batch when sender, channel type,
    /// content, flags and options (push title, extra, ...) match and the provider allows more than one recipient per call; a batch is handed out as
    /// soon as it is full. Memory stays bounded: when more than <see cref="MaxBuffered"/> rows wait, the oldest
    /// group is sent early, so a run of thousands of distinct rows never collects the whole pipeline.
    /// </summary>
    public sealed class MessageBatcher
    {
        private readonly Func<SendRequest, int> _limitOf;
        private readonly RowBatcher<Key, SendRequest> _rows;

        /// <param name="limitOf">The provider's batch limit for a request (1 = send alone).</param>
        /// <param name="maxBuffered">Rows that may wait for a batch to fill before the oldest group is sent early.</param>
        public MessageBatcher(Func<SendRequest, int> limitOf, int maxBuffered = 10000)
        {
            _limitOf = limitOf;
            _rows = new RowBatcher<Key, SendRequest>(maxBuffered);
        }

        public int MaxBuffered => _rows.MaxBuffered;

        public int Buffered => _rows.Buffered;

        /// <summary>Adds a row and returns the batches that are ready to send now (often none).</summary>
        public IReadOnlyList<IReadOnlyList<SendRequest>> Add(SendRequest request) =>
            Items(_rows.Add(new Key(request), request, request.ClientMsgNo == null ? _limitOf(request) : 1));

        /// <summary>Everything still waiting, oldest group first (call at the end of the pipeline).</summary>
        public IReadOnlyList<IReadOnlyList<SendRequest>> Flush() => Items(_rows.Flush());

        private static IReadOnlyList<IReadOnlyList<SendRequest>> Items(IReadOnlyList<RowBatch<Key, SendRequest>> batches) =>
            batches.Count == 0 ? Array.Empty<IReadOnlyList<SendRequest>>() : batches.Select(b => b.Items).ToArray();

        // A struct: one key is made per row, and only a group's first row keeps its key.
        private readonly struct Key : IEquatable<Key>
        {
            private readonly string? _from;
            private readonly ChannelType _type;
            private readonly bool _redDot;
            private readonly bool _persist;
            private readonly MessageContent _content;
            private readonly MessageOptions _options;

            public Key(SendRequest r)
            {
                _options = r.Options;
                _from = r.From;
                _type = r.ChannelType;
                _redDot = r.RedDot;
                _persist = r.Persist;
                _content = r.Content;
            }

            public bool Equals(Key other) =>
                string.Equals(_from, other._from, StringComparison.Ordinal) && _type == other._type &&
                _redDot == other._redDot && _persist == other._persist && _content.Equals(other._content) &&
                _options.Equals(other._options);

            public override bool Equals(object? obj) => obj is Key other && Equals(other);

            public override int GetHashCode() =>
                ((_from == null ? 0 : StringComparer.Ordinal.GetHashCode(_from)) * 397) ^ ((int)_type * 31) ^ _content.GetHashCode() ^ (_redDot ? 1 : 0) ^ (_persist ? 2 : 0) ^ (_options.GetHashCode() * 7);
        }
    }
}
