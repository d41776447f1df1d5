namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>A channel as the server stores it: person channels by their internal <c>a@b</c> id (see docs/server-behaviour/wukongim.md, 'Person channels').</summary>
public readonly record struct ChannelKey(string Id, int Type)
{
    public const int Person = 1;
    public const int Temp = 8;
    public const int Live = 9;

    /// <summary>sync_once (CMD) messages go to a separate channel with this suffix.</summary>
    public const string CmdSuffix = "____cmd";

    public bool IsCmd => Id.EndsWith(CmdSuffix, StringComparison.Ordinal);
}

/// <summary>The three header flags, as 0/1 ints on the wire (see docs/server-behaviour/wukongim.md, 'Reason codes and header flags'); all 0 when the header is omitted.</summary>
public sealed record MessageHeader(int NoPersist, int RedDot, int SyncOnce);

/// <summary>One stored message.</summary>
public sealed record StoredMessage
{
    public required long Id { get; init; }
    public required long Seq { get; init; }
    public required string ClientMsgNo { get; init; }

    /// <summary>The sender; <see cref="WuKongState.SystemUid"/> when the send had no from_uid.</summary>
    public required string From { get; init; }

    public required ChannelKey Channel { get; init; }

    /// <summary>channel_id as responses show it: for person channels the pair's uid that is not the sender.</summary>
    public required string DisplayChannelId { get; init; }

    public required long Timestamp { get; init; }
    public required byte[] Payload { get; init; }
    public required MessageHeader Header { get; init; }
    public uint Expire { get; init; }
}

/// <summary>One channel's messages (seq = index + 1) and, for person channels, the pair.</summary>
public sealed class ChannelLog
{
    public List<StoredMessage> Messages { get; } = [];

    public (string A, string B)? Pair { get; init; }

    public long LastSeq => Messages.Count;

    public StoredMessage? Last => Messages.Count == 0 ? null : Messages[^1];

    /// <summary>Messages with <paramref name="from"/> &lt; seq &lt;= <paramref name="to"/>, ascending.</summary>
    public IEnumerable<StoredMessage> Between(long from, long to)
    {
        for (var seq = Math.Max(from, 0) + 1; seq <= Math.Min(to, LastSeq); seq++) yield return Messages[(int)seq - 1];
    }
}
