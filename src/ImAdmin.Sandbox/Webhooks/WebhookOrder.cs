namespace ImAdmin.Sandbox.Webhooks;

/// <summary>
/// What the sandbox should post to a receiver, as tests and the /_sandbox/webhooks control route give it.
/// Count is entries (user.onlinestatus), messages (msg.notify, one batch) or requests (everything else).
/// </summary>
public sealed record WebhookOrder
{
    /// <summary>WuKongIM, TencentCloud or Wildfire.</summary>
    public string Provider { get; init; } = "";

    /// <summary>The receiver's address, e.g. the -Prefix of Receive-ImWebhook.</summary>
    public string Url { get; init; } = "";

    /// <summary>WuKongIM event, Tencent CallbackCommand or Wildfire callback name.</summary>
    public string Event { get; init; } = "";

    public int Count { get; init; } = 1;

    public string UserId { get; init; } = "user-a";
    public string PeerId { get; init; } = "user-b";
    public string GroupId { get; init; } = "@TGS#2SANDBOX";
    public string Text { get; init; } = "hello from the sandbox";

    /// <summary>WuKongIM channel type of the messages (1 person, 2 group).</summary>
    public int ChannelType { get; init; } = 1;

    /// <summary>msg.notify: the first half is sent, its answer "lost", then everything is sent again (a re-delivered batch).</summary>
    public bool Redeliver { get; init; }

    /// <summary>msg.offline: send the recipients gzip-compressed (compress_to_uids).</summary>
    public bool Compress { get; init; }

    /// <summary>msg.offline: how many recipients each message has.</summary>
    public int Recipients { get; init; } = 3;

    /// <summary>Tencent: the callback token; without one the callback is unsigned.</summary>
    public string? Token { get; init; }

    /// <summary>Tencent: the RequestTime to sign (default now), to test stale callbacks.</summary>
    public long? RequestTime { get; init; }

    /// <summary>Tencent: corrupt the signature.</summary>
    public bool Tamper { get; init; }

    public long SdkAppId { get; init; } = 1400000000;

    /// <summary>WuKongIM msg.notify: wait between retries of a failed batch (the server waits 1 s).</summary>
    public int RetryDelayMs { get; init; } = 1000;

    /// <summary>Wait this long for the receiver to accept connections before posting.</summary>
    public int WaitForListenerMs { get; init; } = 10000;

    /// <summary>Post this body instead of a generated one (malformed-body tests), with the provider's query string.</summary>
    public string? Body { get; init; }

    internal SampleParties Parties => new(UserId, PeerId, GroupId, Text);
}
