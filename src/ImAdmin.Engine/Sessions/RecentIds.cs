using System;
using System.Collections.Generic;
using System.Linq;

namespace ImAdmin.Engine.Sessions
{
    /// <summary>
    /// The identifiers a session saw most recently (newest first, at most <see cref="Capacity"/>), for tab completion
    /// without a server call. Thread-safe.
    /// </summary>
    internal sealed class RecentIds
    {
        public const int Capacity = 200;

        private readonly LinkedList<string> _ids = new LinkedList<string>();
        private readonly object _gate = new object();

        public void Add(string? id)
        {
            if (string.IsNullOrEmpty(id)) return;
            lock (_gate)
            {
                var existing = _ids.Find(id!);
                if (existing != null) _ids.Remove(existing);
                _ids.AddFirst(id!);
                if (_ids.Count > Capacity) _ids.RemoveLast();
            }
        }

        /// <summary>The ids that start with <paramref name="prefix"/> (case-insensitive), newest first.</summary>
        public IReadOnlyList<string> StartingWith(string prefix)
        {
            lock (_gate)
                return _ids.Where(id => id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();
        }
    }
}
