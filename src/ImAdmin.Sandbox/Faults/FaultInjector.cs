namespace ImAdmin.Sandbox.Faults;

/// <summary>The faults armed on one provider server; thread-safe.</summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<Armed> _faults = new();

    private sealed class Armed(Fault fault)
    {
        public Fault Fault { get; } = fault;
        public int Left { get; set; } = fault.Times;
        public Random? Draws { get; } = fault.Rate > 0 ? new Random(fault.Seed) : null;
    }

    public void Add(Fault fault)
    {
        if (fault.Rate is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(fault), "Rate must be between 0 and 1.");
        lock (_gate) _faults.Add(new Armed(fault));
    }

    public void Clear()
    {
        lock (_gate) _faults.Clear();
    }

    /// <summary>
    /// The fault for a request to <paramref name="path"/>, if any: the first counted fault that matches (one use of
    /// it is taken), or a rate fault whose draw hits. Every matching rate fault draws once per request, so the
    /// schedule of one fault does not depend on the others' hits.
    /// </summary>
    public Fault? Take(string path)
    {
        lock (_gate)
        {
            Fault? hit = null;
            for (var i = 0; i < _faults.Count; i++)
            {
                var armed = _faults[i];
                if (!path.StartsWith(armed.Fault.Path, StringComparison.Ordinal)) continue;
                if (armed.Draws != null)
                {
                    if (armed.Draws.NextDouble() < armed.Fault.Rate) hit ??= armed.Fault;
                    continue;
                }
                if (hit != null) continue;
                hit = armed.Fault;
                if (--armed.Left <= 0) _faults.RemoveAt(i--);
            }
            return hit;
        }
    }
}
