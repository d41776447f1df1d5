using System;
using System.Collections.Generic;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>The answer to a batch call: the results, and the items the server refused one by one (partial success).</summary>
    public sealed class BatchOutcome<T>
    {
        public BatchOutcome(IReadOnlyList<T> items, IReadOnlyList<ItemFailure>? failures = null)
        {
            Items = items;
            Failures = failures ?? Array.Empty<ItemFailure>();
        }

        public IReadOnlyList<T> Items { get; }

        public IReadOnlyList<ItemFailure> Failures { get; }
    }
}
