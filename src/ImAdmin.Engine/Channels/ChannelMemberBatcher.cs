using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;

namespace ImAdmin.Engine.Channels
{
    /// <summary>
    /// Collects pipeline rows of Add-/Remove-ImChannel* per channel and hands out a batch as soon as a channel has
    /// <see cref="ChunkSize"/> distinct users, so thousands of rows become a few calls. Memory stays bounded: when
    /// more than <see cref="MaxBuffered"/> users wait, the oldest channel is sent early.
    /// </summary>
    public sealed class ChannelMemberBatcher
    {
        /// <summary>The WuKongIM list, or null for another provider's group members (only ids are checked then).</summary>
        private readonly ChannelMemberList? _list;
        private readonly Dictionary<Key, Group> _groups = new Dictionary<Key, Group>();
        private readonly LinkedList<Key> _order = new LinkedList<Key>();
        private int _buffered;

        public ChannelMemberBatcher(ChannelMemberList? list, int chunkSize = WuKongClient.MemberChunkSize, int maxBuffered = 10 * WuKongClient.MemberChunkSize)
        {
            if (chunkSize < 1) throw new ArgumentOutOfRangeException(nameof(chunkSize));
            _list = list;
            ChunkSize = chunkSize;
            MaxBuffered = Math.Max(maxBuffered, chunkSize);
        }

        public int ChunkSize { get; }

        public int MaxBuffered { get; }

        /// <summary>
        /// Adds one row's users and returns the batches ready to send now (often none). A bad row throws an
        /// <see cref="Errors.ImInputException"/> and leaves nothing buffered, so it fails alone.
        /// </summary>
        public IReadOnlyList<MemberBatch> Add(string channelId, ChannelType channelType, IEnumerable<string?> userIds, object source)
        {
            var ids = Validate(_list, channelId, channelType, userIds);
            var ready = new List<MemberBatch>();
            var key = new Key(channelId, channelType);
            foreach (var id in ids)
            {
                if (!_groups.TryGetValue(key, out var group))
                {
                    group = new Group();
                    _groups.Add(key, group);
                    _order.AddLast(key);
                }
                if (group.Add(id, source)) _buffered++;
                if (group.Count >= ChunkSize) ready.Add(Take(key));
            }
            while (_buffered > MaxBuffered && _order.First != null) ready.Add(Take(_order.First.Value));
            return ready;
        }

        /// <summary>
        /// The row's distinct user ids, or an <see cref="Errors.ImInputException"/> naming what is wrong with the row
        /// (checked before a confirmation prompt, so a bad row is never offered for confirmation).
        /// </summary>
        public static IReadOnlyList<string> Validate(ChannelMemberList? list, string channelId, ChannelType channelType, IEnumerable<string?> userIds)
        {
            if (list == null) ChannelInput.RequireId(channelId);
            else ChannelInput.RequireWritable(channelId, channelType);
            if (list == ChannelMemberList.Subscribers) ChannelInput.RequireSubscribable(channelType, "ChannelType");
            var ids = ChannelInput.DistinctUserIds(userIds, "UserId");
            if (ids.Count == 0) throw new Errors.ImInputException("UserId", "The row has no user id: give -UserId or a UserId column.");
            return ids;
        }

        /// <summary>Everything still waiting, oldest channel first (call at the end of the pipeline).</summary>
        public IReadOnlyList<MemberBatch> Flush()
        {
            var ready = new List<MemberBatch>();
            while (_order.First != null) ready.Add(Take(_order.First.Value));
            return ready;
        }

        private MemberBatch Take(Key key)
        {
            var group = _groups[key];
            _groups.Remove(key);
            _order.Remove(key);
            _buffered -= group.Count;
            return new MemberBatch(key.ChannelId, key.ChannelType, group.UserIds, group.Sources, group.SourcesByUser);
        }

        private readonly struct Key : IEquatable<Key>
        {
            public Key(string channelId, ChannelType channelType)
            {
                ChannelId = channelId;
                ChannelType = channelType;
            }

            public string ChannelId { get; }
            public ChannelType ChannelType { get; }

            public bool Equals(Key other) => string.Equals(ChannelId, other.ChannelId, StringComparison.Ordinal) && ChannelType == other.ChannelType;
            public override bool Equals(object? obj) => obj is Key other && Equals(other);
            public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ChannelId) * 31 + (int)ChannelType;
        }

        /// <summary>One channel's waiting users and rows; rows are told apart by reference (two equal CSV rows are two rows).</summary>
        private sealed class Group
        {
            private readonly HashSet<object> _sources = new HashSet<object>(ByReference.Instance);

            public List<string> UserIds { get; } = new List<string>();
            public List<object> Sources { get; } = new List<object>();

            /// <summary>The rows that named each user, so a per-user outcome reaches exactly those rows.</summary>
            public Dictionary<string, List<object>> SourcesByUser { get; } = new Dictionary<string, List<object>>(StringComparer.Ordinal);

            public int Count => UserIds.Count;

            /// <summary>True when the user id is new to this group.</summary>
            public bool Add(string id, object source)
            {
                if (_sources.Add(source)) Sources.Add(source);
                if (SourcesByUser.TryGetValue(id, out var rows))
                {
                    if (!rows.Contains(source, ByReference.Instance)) rows.Add(source);
                    return false;
                }
                SourcesByUser.Add(id, new List<object> { source });
                UserIds.Add(id);
                return true;
            }
        }

        private sealed class ByReference : IEqualityComparer<object>
        {
            public static readonly ByReference Instance = new ByReference();
            public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);
            public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
        }
    }
}
