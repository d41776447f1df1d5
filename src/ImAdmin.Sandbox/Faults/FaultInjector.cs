namespace ImAdmin.Sandbox.Faults;

/// <summary>The faults armed on one provider server; thread-safe.</summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<(Fault Fault, int Left)> _faults = new();

    public void Add(Fault fault)
    {
        lock (_gate) _faults.Add((fault, fault.Times));
    }

    public void Clear()
    {
        lock (_gate) _faults.Clear();
    }

    /// <summary>Takes one use of the first fault matching <paramref name="path"/>, if any.</summary>
    public Fault? Take(string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var (fault, left) = _faults[i];
                if (!path.StartsWith(fault.Path, StringComparison.Ordinal)) continue;
                if (left <= 1) _faults.RemoveAt(i);
                else _faults[i] = (fault, left - 1);
                return fault;
            }
            return null;
        }
    }
}
