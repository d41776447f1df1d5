using System;
using System.Collections.Generic;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Messaging
{
    /// <summary>
    /// Groups pipeline rows into provider batch calls as they arrive. Rows share a batch when sender, channel type,
    /// content and flags match and the provider allows more than one recipient per call; a batch is handed out as
    /// soon as it is full. Memory stays bounded: when more than <see cref="MaxBuffered"/> rows wait, the oldest
    /// group is sent early, so a run of thousands of distinct rows never collects the whole pipeline.
    /// </summary>
    public sealed class MessageBatcher
    {
        private readonly Func<SendRequest, int> _limitOf;
        private readonly Dictionary<Key, List<SendRequest>> _groups = new Dictionary<Key, List<SendRequest>>();
        private readonly LinkedList<Key> _order = new LinkedList<Key>();
        private int _buffered;

        /// <param name="limitOf">The provider's batch limit for a request (1 = send alone).</param>
        /// <param name="maxBuffered">Rows that may wait for a batch to fill before the oldest group is sent early.</param>
        public MessageBatcher(Func<SendRequest, int> limitOf, int maxBuffered = 10000)
        {
            _limitOf = limitOf;
            MaxBuffered = maxBuffered;
        }

        public int MaxBuffered { get; }

        public int Buffered => _buffered;

        /// <summary>Adds a row and returns the batches that are ready to send now (often none).</summary>
        public IReadOnlyList<IReadOnlyList<SendRequest>> Add(SendRequest request)
        {
            var ready = new List<IReadOnlyList<SendRequest>>();
            var limit = request.ClientMsgNo == null ? _limitOf(request) : 1;
            if (limit <= 1)
            {
                ready.Add(new[] { request });
                return ready;
            }

            var key = new Key(request);
            if (!_groups.TryGetValue(key, out var group))
            {
                group = new List<SendRequest>();
                _groups.Add(key, group);
                _order.AddLast(key);
            }
            group.Add(request);
            _buffered++;
            if (group.Count >= limit) ready.Add(Take(key));
            while (_buffered > MaxBuffered && _order.First != null) ready.Add(Take(_order.First.Value));
            return ready;
        }

        /// <summary>Everything still waiting, oldest group first (call at the end of the pipeline).</summary>
        public IReadOnlyList<IReadOnlyList<SendRequest>> Flush()
        {
            var ready = new List<IReadOnlyList<SendRequest>>();
            while (_order.First != null) ready.Add(Take(_order.First.Value));
            return ready;
        }

        private IReadOnlyList<SendRequest> Take(Key key)
        {
            var group = _groups[key];
            _groups.Remove(key);
            _order.Remove(key);
            _buffered -= group.Count;
            return group;
        }

        private sealed class Key : IEquatable<Key>
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

            public bool Equals(Key? other) =>
                other != null && string.Equals(_from, other._from, StringComparison.Ordinal) && _type == other._type &&
                _redDot == other._redDot && _persist == other._persist && _content.Equals(other._content) &&
                ReferenceEquals(_options, other._options);

            public override bool Equals(object? obj) => Equals(obj as Key);

            public override int GetHashCode() =>
                ((_from == null ? 0 : StringComparer.Ordinal.GetHashCode(_from)) * 397) ^ ((int)_type * 31) ^ _content.GetHashCode() ^ (_redDot ? 1 : 0) ^ (_persist ? 2 : 0);
        }
    }
}
