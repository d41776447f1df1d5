using System;
using System.Collections.Generic;
using System.Linq;

namespace ImAdmin.Engine.Http
{
    /// <summary>
    /// The admission times of the last <see cref="RateLimiter.Window"/>, one per unit, so "at most N in any one-second
    /// window" is checked exactly rather than approximated by a bucket. Not thread-safe: the caller holds its bucket's lock.
    /// </summary>
    internal sealed class SlidingWindow
    {
        private readonly Queue<TimeSpan> _times = new Queue<TimeSpan>();

        /// <summary>
        /// Records <paramref name="units"/> admissions at <paramref name="now"/> when the window ending now then holds at
        /// most <paramref name="limit"/>; otherwise records nothing and says when enough old admissions will have left it.
        /// </summary>
        public bool Admits(TimeSpan now, int units, int limit, out TimeSpan wait)
        {
            while (_times.Count > 0 && now - _times.Peek() >= RateLimiter.Window) _times.Dequeue();
            var over = _times.Count + units - limit;
            if (over > 0)
            {
                // The over-th oldest admission must leave the window first.
                wait = _times.ElementAt(over - 1) + RateLimiter.Window - now;
                return false;
            }
            for (var i = 0; i < units; i++) _times.Enqueue(now);
            wait = TimeSpan.Zero;
            return true;
        }
    }
}
