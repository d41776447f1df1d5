namespace ImAdmin.Sandbox.Faults;

/// <summary>One request as the sandbox saw it.</summary>
public sealed record JournalEntry(string Method, string Path, string Query, string Body, int Status, DateTimeOffset At);

/// <summary>Every request a provider server received, so tests can count calls (batching, retries, no duplicates).</summary>
public sealed class RequestJournal
{
    private readonly object _gate = new();
    private readonly List<JournalEntry> _entries = new();

    public void Add(JournalEntry entry)
    {
        lock (_gate) _entries.Add(entry);
    }

    public IReadOnlyList<JournalEntry> Entries
    {
        get { lock (_gate) return _entries.ToList(); }
    }

    public int Count(string path) => Entries.Count(e => e.Path == path);

    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }
}
