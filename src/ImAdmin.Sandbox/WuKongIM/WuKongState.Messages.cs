namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>Message store: per-channel sequences from 1, snowflake-like ids, no dedupe (as the server).</summary>
public sealed partial class WuKongState
{
    public const string SystemUid = "____system";

    private static readonly DateTimeOffset IdEpoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<ChannelKey, ChannelLog> _channels = new();
    private readonly Dictionary<long, StoredMessage> _byId = new();
    private long _lastId;

    /// <summary>What a send produced: the id and client_msg_no the server answers with.</summary>
    public sealed record SendOutcome(long MessageId, string ClientMsgNo);

    /// <summary>
    /// How long an accepted send takes to become readable. The server answers /message/send before the channel
    /// actor stores the message, so a lookup right after the answer can miss it; zero stores at once.
    /// </summary>
    public TimeSpan StoreDelay { get; set; }

    /// <summary>
    /// Stores one message the way /message/send and /message/sendbatch do. Person channels are addressed by the
    /// peer uid and stored under the pair id; sync_once messages go to the channel's CMD twin; no_persist ones get an
    /// id but are not stored. Every call stores a new message with a fresh id, even when its client_msg_no was used
    /// before: the server does not deduplicate (docs/server-behaviour/wukongim.md).
    /// </summary>
    public SendOutcome Send(string from, string channelId, int channelType, byte[] payload, MessageHeader header, string clientMsgNo, uint expire, DateTimeOffset now)
    {
        from = from.Length == 0 ? SystemUid : from;
        if (clientMsgNo.Length == 0) clientMsgNo = Guid.NewGuid().ToString("N") + "0";
        var (key, pair) = channelType == ChannelKey.Person
            ? (new ChannelKey(PersonChannel.InternalId(from, channelId), channelType), (from, channelId))
            : (new ChannelKey(channelId, channelType), ((string, string)?)null);
        if (header.SyncOnce == 1) key = key with { Id = key.Id + ChannelKey.CmdSuffix };
        long id;
        lock (Gate) id = NextId(now);

        var message = new StoredMessage
        {
            Id = id,
            Seq = 0, // given when stored
            ClientMsgNo = clientMsgNo,
            From = from,
            Channel = key,
            DisplayChannelId = pair is (var a, var b) ? (a == from ? b : a) : channelId,
            Timestamp = now.ToUnixTimeSeconds(),
            Payload = payload,
            Header = header,
            Expire = expire,
        };
        var delay = StoreDelay;
        if (delay <= TimeSpan.Zero) Store(message, pair, now);
        else _ = Task.Delay(delay).ContinueWith(_ => Store(message, pair, now), TaskScheduler.Default);
        return new SendOutcome(id, clientMsgNo);
    }

    /// <summary>What the channel actor does with an accepted message: drop it (no_persist, banned, disbanded) or append it.</summary>
    private void Store(StoredMessage message, (string, string)? pair, DateTimeOffset now)
    {
        lock (Gate)
        {
            var log = LogFor(message.Channel, pair);
            var dropped = false;
            DropsMessages(message.Channel, ref dropped);
            if (message.Header.NoPersist == 1 || dropped) return;
            var stored = message with { Seq = log.LastSeq + 1 };
            log.Messages.Add(stored);
            _byId[stored.Id] = stored;
            TrackConversations(stored, log, now);
        }
    }

    /// <summary>A channel (the banned/disbanded flags live with the channel routes) drops sends after answering 200.</summary>
    partial void DropsMessages(ChannelKey channel, ref bool dropped);

    /// <summary>The stored channel a read addresses: person channels by the viewer and peer (or a full a@b id).</summary>
    public static ChannelKey KeyFor(string channelId, int channelType, string loginUid) =>
        channelType == ChannelKey.Person && !channelId.Contains('@')
            ? new ChannelKey(PersonChannel.InternalId(loginUid, channelId), channelType)
            : new ChannelKey(channelId, channelType);

    /// <summary>A copy of the channel's messages (empty for an unknown channel), safe to use outside the lock.</summary>
    public IReadOnlyList<StoredMessage> Messages(ChannelKey key)
    {
        lock (Gate) return _channels.TryGetValue(key, out var log) ? log.Messages.ToList() : [];
    }

    /// <summary>Lookup by message id, across all channels (POST /message ignores the channel it is given).</summary>
    public StoredMessage? MessageById(long id)
    {
        lock (Gate) return _byId.GetValueOrDefault(id);
    }

    /// <summary>A few texts in the demo group and between alice and bob, so Get-ImMessage and Sync-ImConversation show something at once.</summary>
    private void SeedMessages(DateTimeOffset now)
    {
        var redDot = new MessageHeader(0, 1, 0);
        foreach (var (from, to, type, text) in new[]
                 {
                     ("alice", "demo-group", 2, "Welcome to the demo group!"),
                     ("bob", "demo-group", 2, "Hi all"),
                     ("alice", "bob", ChannelKey.Person, "Lunch at noon?"),
                     ("bob", "alice", ChannelKey.Person, "Sure, see you there"),
                 })
        {
            var payload = System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { type = 1, content = text }));
            Send(from, to, type, payload, redDot, "", 0, now);
        }
    }

    private ChannelLog LogFor(ChannelKey key, (string, string)? pair)
    {
        if (!_channels.TryGetValue(key, out var log)) _channels[key] = log = new ChannelLog { Pair = pair };
        return log;
    }

    /// <summary>Snowflake-like: milliseconds since 2020 in the high bits, node 1, then a counter; strictly increasing.</summary>
    private long NextId(DateTimeOffset now)
    {
        var candidate = ((long)(now - IdEpoch).TotalMilliseconds << 22) | (1L << 12);
        _lastId = Math.Max(candidate, _lastId + 1);
        return _lastId;
    }
}
