namespace ImAdmin.Sandbox.Tencent;

/// <summary>importmsg's permanent dedupe: the first import of a key is kept, repeats change nothing.</summary>
public sealed partial class TencentState
{
    private readonly HashSet<string> _importKeys = new(StringComparer.Ordinal);

    /// <summary>
    /// Stores an imported message unless its conversation (either direction) already has an import with the same
    /// MsgSeq, MsgRandom and MsgTimeStamp; false for such a repeat, whatever its content.
    /// </summary>
    public bool StoreImported(TencentStoredMessage message)
    {
        var pair = string.CompareOrdinal(message.From, message.To) <= 0 ? $"{message.From}\n{message.To}" : $"{message.To}\n{message.From}";
        lock (_gate)
        {
            if (!_importKeys.Add($"{pair}\n{message.MsgSeq}\n{message.MsgRandom}\n{message.MsgTime}")) return false;
            _messages.Add(message);
            return true;
        }
    }
}
