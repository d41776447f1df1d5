using System;
using System.Collections.Generic;

namespace ImAdmin.Engine.Batching
{
    /// <summary>
    /// The one buffer behind every cmdlet that turns pipeline rows into fewer server calls. Items are grouped by key
    /// (items of one group can share a call); a group is handed out as soon as it holds its limit, and memory stays
    /// bounded: when more than <see cref="MaxBuffered"/> items wait, the oldest group is handed out early. The oldest
    /// group also goes out once <see cref="IdleItems"/> items have arrived after its last one: rows that share nothing
    /// (a distinct text per row) are then sent while later rows still bind, instead of all at the end. Cmdlets hold
    /// one as a field (composition), and call <see cref="Flush"/> in EndProcessing.
    /// </summary>
    public sealed class RowBatcher<TKey, TItem> where TKey : notnull
    {
        /// <summary>
        /// Items after which a group that gained none is unlikely to fill: far more than texts that repeat in turn
        /// (10 or 100 alternating texts still fill their batches).
        /// </summary>
        public const int IdleItems = 1000;

        private readonly Dictionary<TKey, Group> _groups;
        private readonly LinkedList<Group> _order = new LinkedList<Group>();
        private long _added;

        /// <param name="maxBuffered">Items that may wait for their group to fill before the oldest group is sent early.</param>
        /// <param name="comparer">How keys are compared (null = the key's own equality).</param>
        public RowBatcher(int maxBuffered, IEqualityComparer<TKey>? comparer = null)
        {
            if (maxBuffered < 1) throw new ArgumentOutOfRangeException(nameof(maxBuffered));
            MaxBuffered = maxBuffered;
            _groups = new Dictionary<TKey, Group>(comparer ?? EqualityComparer<TKey>.Default);
        }

        public int MaxBuffered { get; }

        /// <summary>How many items wait.</summary>
        public int Buffered { get; private set; }

        /// <summary>How many items the group of <paramref name="key"/> holds now.</summary>
        public int CountOf(TKey key) => _groups.TryGetValue(key, out var group) ? group.Count : 0;

        /// <summary>
        /// Adds an item to its group and returns the groups ready to send now (often none). A limit of 1 or less hands
        /// the item out alone at once.
        /// </summary>
        public IReadOnlyList<RowBatch<TKey, TItem>> Add(TKey key, TItem item, int limit)
        {
            if (limit <= 1) return new[] { new RowBatch<TKey, TItem>(key, new[] { item }) };
            if (!_groups.TryGetValue(key, out var group))
            {
                group = new Group(key);
                _groups.Add(key, group);
                _order.AddLast(group);
            }
            group.Add(item);
            group.LastAdded = ++_added;
            Buffered++;
            // Most rows only wait: no list is made for them (a 1,000,000-row run calls this once per row).
            if (group.Count < limit && Buffered <= MaxBuffered && !OldestIsIdle()) return Array.Empty<RowBatch<TKey, TItem>>();
            var ready = new List<RowBatch<TKey, TItem>>();
            if (group.Count >= limit) ready.Add(Take(group));
            while (Buffered > MaxBuffered && _order.First != null) ready.Add(Take(_order.First.Value));
            if (OldestIsIdle()) ready.Add(Take(_order.First!.Value));
            return ready;
        }

        private bool OldestIsIdle() => _order.First != null && _added - _order.First.Value.LastAdded >= IdleItems;

        /// <summary>Everything still waiting, oldest group first (call at the end of the pipeline).</summary>
        public IReadOnlyList<RowBatch<TKey, TItem>> Flush()
        {
            var ready = new List<RowBatch<TKey, TItem>>();
            while (_order.First != null) ready.Add(Take(_order.First.Value));
            return ready;
        }

        private RowBatch<TKey, TItem> Take(Group group)
        {
            _groups.Remove(group.Key);
            _order.Remove(group);
            Buffered -= group.Count;
            return new RowBatch<TKey, TItem>(group.Key, group);
        }

        /// <summary>The items of one key, and when the last of them arrived (<see cref="_added"/> at that moment).</summary>
        private sealed class Group : List<TItem>
        {
            public Group(TKey key) => Key = key;

            public TKey Key { get; }

            public long LastAdded { get; set; }
        }
    }

    /// <summary>Items of one group, handed out together for one server call.</summary>
    public sealed class RowBatch<TKey, TItem>
    {
        internal RowBatch(TKey key, IReadOnlyList<TItem> items)
        {
            Key = key;
            Items = items;
        }

        public TKey Key { get; }

        public IReadOnlyList<TItem> Items { get; }
    }
}
