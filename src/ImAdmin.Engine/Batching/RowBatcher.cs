using System;
using System.Collections.Generic;

namespace ImAdmin.Engine.Batching
{
    /// <summary>
    /// The one buffer behind every cmdlet that turns pipeline rows into fewer server calls. Items are grouped by key
    /// (items of one group can share a call); a group is handed out as soon as it holds its limit, and memory stays
    /// bounded: when more than <see cref="MaxBuffered"/> items wait, the oldest group is handed out early. Cmdlets hold
    /// one as a field (composition), and call <see cref="Flush"/> in EndProcessing.
    /// </summary>
    public sealed class RowBatcher<TKey, TItem> where TKey : notnull
    {
        private readonly Dictionary<TKey, List<TItem>> _groups;
        private readonly LinkedList<TKey> _order = new LinkedList<TKey>();

        /// <param name="maxBuffered">Items that may wait for their group to fill before the oldest group is sent early.</param>
        /// <param name="comparer">How keys are compared (null = the key's own equality).</param>
        public RowBatcher(int maxBuffered, IEqualityComparer<TKey>? comparer = null)
        {
            if (maxBuffered < 1) throw new ArgumentOutOfRangeException(nameof(maxBuffered));
            MaxBuffered = maxBuffered;
            _groups = new Dictionary<TKey, List<TItem>>(comparer ?? EqualityComparer<TKey>.Default);
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
                group = new List<TItem>();
                _groups.Add(key, group);
                _order.AddLast(key);
            }
            group.Add(item);
            Buffered++;
            // Most rows only wait: no list is made for them (a 1,000,000-row run calls this once per row).
            if (group.Count < limit && Buffered <= MaxBuffered) return Array.Empty<RowBatch<TKey, TItem>>();
            var ready = new List<RowBatch<TKey, TItem>>();
            if (group.Count >= limit) ready.Add(Take(key));
            while (Buffered > MaxBuffered && _order.First != null) ready.Add(Take(_order.First.Value));
            return ready;
        }

        /// <summary>Everything still waiting, oldest group first (call at the end of the pipeline).</summary>
        public IReadOnlyList<RowBatch<TKey, TItem>> Flush()
        {
            var ready = new List<RowBatch<TKey, TItem>>();
            while (_order.First != null) ready.Add(Take(_order.First.Value));
            return ready;
        }

        private RowBatch<TKey, TItem> Take(TKey key)
        {
            var group = _groups[key];
            _groups.Remove(key);
            _order.Remove(key);
            Buffered -= group.Count;
            return new RowBatch<TKey, TItem>(key, group);
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
