using System.Collections.Generic;
using System.Management.Automation;

namespace ImAdmin.Base
{
    /// <summary>
    /// -Skip and -First of a SupportsPaging cmdlet over lazy listings, counted across all pipeline input of one call.
    /// It never asks a listing for an item past the last one wanted, so no further server page is fetched.
    /// </summary>
    internal sealed class PagingWindow
    {
        private ulong _skip;
        private ulong _left;

        public PagingWindow(PagingParameters paging)
        {
            _skip = paging.Skip;
            _left = paging.First;
        }

        /// <summary>True once -First items were written: later input need not be read at all.</summary>
        public bool IsFull => _left == 0;

        public IEnumerable<T> Take<T>(IEnumerable<T> items)
        {
            if (_left == 0) yield break;
            foreach (var item in items)
            {
                if (_skip > 0)
                {
                    _skip--;
                    continue;
                }
                yield return item;
                if (--_left == 0) yield break;
            }
        }
    }
}
