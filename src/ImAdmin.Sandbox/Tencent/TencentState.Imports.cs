namespace ImAdmin.Sandbox.Tencent;

/// <summary>importmsg's permanent dedupe: the first import of a key is kept, repeats change nothing.</summary>
public sealed partial class TencentState
{
    private readonly HashSet<string> _importKeys = new(StringComparer.Ordinal);

    /// <summary>Stores an imported message unless its (From, To, MsgRandom, MsgTimeStamp, MsgSeq) key came before (see docs/server-behaviour/tencent.md, 'Importing').</summary>
    public bool StoreImported(TencentStoredMessage message)
    {
        lock (_gate)
        {
            if (!_importKeys.Add($"{message.From}\n{message.To}\n{message.MsgRandom}\n{message.MsgTime}\n{message.MsgSeq}")) return false;
            _messages.Add(message);
            return true;
        }
    }
}
