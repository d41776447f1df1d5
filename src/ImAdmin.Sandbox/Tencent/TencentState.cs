using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>A stored C2C message, as tests read it back.</summary>
public sealed record TencentStoredMessage(
    string Api, string From, string To, uint MsgSeq, uint MsgRandom, long MsgTime, JsonElement MsgBody, int? MsgLifeTime, string[] SendMsgControl,
    bool MarkedRead = false)
{
    /// <summary>CloudCustomData as sent, delivered with the message and shown in its history.</summary>
    public string? CloudCustomData { get; init; }

    /// <summary>SyncOtherMachine: 2 keeps the message out of the sender's roaming history.</summary>
    public int? SyncOtherMachine { get; init; }

    /// <summary>OfflinePushInfo as sent (tests read the push title and text back).</summary>
    public JsonElement? OfflinePushInfo { get; init; }

    /// <summary>ForbidCallbackControl as sent.</summary>
    public string[] ForbidCallbackControl { get; init; } = [];

    /// <summary>IsNeedReadReceipt 1.</summary>
    public bool NeedReadReceipt { get; init; }

    /// <summary>The observed MsgKey format <c>{MsgSeq}_{MsgRandom}_{MsgTime}</c> (see docs/server-behaviour/tencent.md, 'Sending').</summary>
    public string MsgKey => $"{MsgSeq}_{MsgRandom}_{MsgTime}";

    /// <summary>The text of the first TIMTextElem, if any.</summary>
    public string? Text => MsgBody.EnumerateArray()
        .Where(e => e.GetProperty("MsgType").GetString() == "TIMTextElem")
        .Select(e => e.GetProperty("MsgContent").GetProperty("Text").GetString())
        .FirstOrDefault();
}

/// <summary>The in-memory Tencent app: imported accounts, stored messages and the sendmsg dedupe window. Thread-safe.</summary>
public sealed partial class TencentState
{
    /// <summary>sendmsg drops a repeat of (sender, MsgSeq, MsgRandom, content) for 120 s (see docs/server-behaviour/tencent.md, 'Duplicate suppression').</summary>
    public static readonly TimeSpan DedupeWindow = TimeSpan.FromSeconds(120);

    private readonly object _gate = new();
    private readonly HashSet<string> _accounts = new(StringComparer.Ordinal);
    private readonly List<TencentStoredMessage> _messages = new();
    private readonly HashSet<string> _withdrawn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (TencentStoredMessage Message, DateTimeOffset Until)> _recent = new(StringComparer.Ordinal);

    /// <summary>App admins are accounts too.</summary>
    public TencentState(IEnumerable<string> admins)
    {
        foreach (var admin in admins) _accounts.Add(admin);
    }

    public void Import(string userId)
    {
        lock (_gate) _accounts.Add(userId);
    }

    public bool Exists(string userId)
    {
        lock (_gate) return _accounts.Contains(userId);
    }

    public IReadOnlyList<TencentStoredMessage> Messages
    {
        get { lock (_gate) return _messages.ToList(); }
    }

    public IReadOnlyList<TencentStoredMessage> MessagesTo(string userId) => Messages.Where(m => m.To == userId).ToList();

    /// <summary>The recalled C2C messages, as "From\nTo\nMsgKey".</summary>
    public IReadOnlyCollection<string> Withdrawn
    {
        get { lock (_gate) return _withdrawn.ToList(); }
    }

    /// <summary>Recalls a C2C message: null when there is no such message, false when it was recalled before.</summary>
    public bool? Withdraw(string from, string to, string msgKey)
    {
        lock (_gate)
        {
            if (!_messages.Any(m => m.From == from && m.To == to && m.MsgKey == msgKey)) return null;
            return _withdrawn.Add($"{from}\n{to}\n{msgKey}");
        }
    }

    public bool IsWithdrawn(TencentStoredMessage message)
    {
        lock (_gate) return _withdrawn.Contains($"{message.From}\n{message.To}\n{message.MsgKey}");
    }

    /// <summary>Whether the recipient of <paramref name="message"/> has read it (admin_set_msg_read on their side, or imported as read).</summary>
    public bool IsPeerRead(TencentStoredMessage message)
    {
        lock (_gate) return message.MarkedRead || _readUpTo.GetValueOrDefault((message.To, message.From), long.MinValue) >= message.MsgTime;
    }

    public void Store(TencentStoredMessage message)
    {
        lock (_gate) _messages.Add(message);
    }

    /// <summary>
    /// Stores a sendmsg message unless the same one was sent in the last 120 s; returns the stored (or earlier) message.
    /// The key has no recipient, as the contract states.
    /// </summary>
    public TencentStoredMessage StoreDeduped(TencentStoredMessage message, DateTimeOffset now)
    {
        var key = $"{message.From}\n{message.MsgSeq}\n{message.MsgRandom}\n{message.MsgBody.GetRawText()}";
        lock (_gate)
        {
            if (_recent.TryGetValue(key, out var earlier) && now <= earlier.Until) return earlier.Message;
            _recent[key] = (message, now + DedupeWindow);
            _messages.Add(message);
            return message;
        }
    }
}
