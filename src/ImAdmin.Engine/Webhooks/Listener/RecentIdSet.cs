using System.Collections.Generic;

namespace ImAdmin.Engine.Webhooks.Listener
{
    /// <summary>The most recent ids seen, up to a fixed count; the oldest is forgotten first. Thread-safe.</summary>
    internal sealed class RecentIdSet
    {
        private readonly int _capacity;
        private readonly HashSet<long> _set = new HashSet<long>();
        private readonly Queue<long> _order = new Queue<long>();
        private readonly object _gate = new object();

        public RecentIdSet(int capacity) => _capacity = capacity < 1 ? 1 : capacity;

        public int Count
        {
            get { lock (_gate) return _set.Count; }
        }

        /// <summary>True when <paramref name="id"/> is new (and is now remembered); false for a repeat.</summary>
        public bool Add(long id)
        {
            lock (_gate)
            {
                if (!_set.Add(id)) return false;
                _order.Enqueue(id);
                if (_order.Count > _capacity) _set.Remove(_order.Dequeue());
                return true;
            }
        }
    }
}
