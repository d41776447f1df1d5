using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

/// <summary>A message the sandbox accepted. Multicasts are one message: a private conversation with the sender as target.</summary>
public sealed record WildfireMessage(long MessageUid, string Sender, int ConvType, string ConvTarget, int Line, JsonObject Payload,
    IReadOnlyList<string>? ToUsers, long Timestamp, bool Recalled = false)
{
    public int ContentType => (int)Payload["type"]!;
    public int PersistFlag => (int)Payload["persistFlag"]!;
    public string? SearchableContent => (string?)Payload["searchableContent"];
    public string? Content => (string?)Payload["content"];

    /// <summary>As get_one answers it (OutputMessageData).</summary>
    public JsonObject ToOutput()
    {
        var output = new JsonObject
        {
            ["messageId"] = MessageUid,
            ["sender"] = Sender,
            ["conv"] = new JsonObject { ["type"] = ConvType, ["target"] = ConvTarget, ["line"] = Line },
            ["payload"] = Payload.DeepClone(),
        };
        if (ToUsers != null) output["toUsers"] = new JsonArray(ToUsers.Select(u => (JsonNode?)u).ToArray());
        output["timestamp"] = Timestamp;
        return output;
    }
}

/// <summary>
/// The messages the sandbox accepted, readable in-process by tests. Every flag but 4 (transparent) is stored and can be
/// read with get_one; transparent messages are only delivered, so they appear in <see cref="Delivered"/> alone.
/// </summary>
public sealed class WildfireMessageStore
{
    public const int Transparent = 4;
    private const int RecallContentType = 80;

    private readonly ConcurrentDictionary<long, WildfireMessage> _stored = new();
    private readonly ConcurrentQueue<WildfireMessage> _delivered = new();
    // Real messageUids are large snowflake-style numbers; clients must not assume small ones.
    private long _lastUid = 1_790_000_000_000_000_000;

    private readonly ConcurrentDictionary<long, ConcurrentDictionary<string, bool>> _recalledFor = new();
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<string, bool>> _deletedFor = new();

    public IReadOnlyList<WildfireMessage> Delivered => _delivered.ToArray();

    /// <summary>The receivers a multicast was recalled for (recall_multicast), in no particular order.</summary>
    public IReadOnlyCollection<string> RecalledFor(long messageUid) =>
        _recalledFor.TryGetValue(messageUid, out var receivers) ? receivers.Keys.ToList() : Array.Empty<string>();

    /// <summary>Recalls a multicast for some receivers; false when there is no such message.</summary>
    public bool RecallFor(long messageUid, IEnumerable<string> receivers) => MarkFor(_recalledFor, messageUid, receivers);

    /// <summary>The receivers a multicast was deleted for (delete_multicast), in no particular order.</summary>
    public IReadOnlyCollection<string> DeletedFor(long messageUid) =>
        _deletedFor.TryGetValue(messageUid, out var receivers) ? receivers.Keys.ToList() : Array.Empty<string>();

    /// <summary>Deletes a multicast for some receivers; false when there is no such message.</summary>
    public bool DeleteFor(long messageUid, IEnumerable<string> receivers) => MarkFor(_deletedFor, messageUid, receivers);

    /// <summary>Replaces a stored message's payload (update); false when there is no such message.</summary>
    public bool Update(long messageUid, JsonObject payload)
    {
        var message = Find(messageUid);
        if (message == null) return false;
        _stored[messageUid] = message with { Payload = payload };
        return true;
    }

    /// <summary>Deletes a message for everyone; false when there is no such message.</summary>
    public bool Delete(long messageUid) => _stored.TryRemove(messageUid, out _);

    private bool MarkFor(ConcurrentDictionary<long, ConcurrentDictionary<string, bool>> marks, long messageUid, IEnumerable<string> receivers)
    {
        if (Find(messageUid) == null) return false;
        var set = marks.GetOrAdd(messageUid, _ => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal));
        foreach (var receiver in receivers) set[receiver] = true;
        return true;
    }

    public WildfireMessage? Find(long messageUid) => _stored.TryGetValue(messageUid, out var message) ? message : null;

    public WildfireMessage Add(string sender, int convType, string target, int line, JsonObject payload, IReadOnlyList<string>? toUsers, long timestamp)
    {
        var message = new WildfireMessage(Interlocked.Increment(ref _lastUid), sender, convType, target, line, payload, toUsers, timestamp);
        _delivered.Enqueue(message);
        if (message.PersistFlag != Transparent) _stored[message.MessageUid] = message;
        return message;
    }

    /// <summary>
    /// Replaces the message with recall content and returns the compact snapshot of the original as JSON text
    /// (s, ts, t, sc, c, e, b, mt, mu); "" when it was already recalled; null when there is no such message.
    /// </summary>
    public string? Recall(long messageUid, string operatorId)
    {
        var message = Find(messageUid);
        if (message == null) return null;
        if (message.Recalled) return string.Empty;

        var p = message.Payload;
        var snapshot = new JsonObject { ["s"] = message.Sender, ["ts"] = message.Timestamp, ["t"] = message.ContentType };
        foreach (var (key, field) in new[] { ("sc", "searchableContent"), ("c", "content"), ("e", "extra"), ("b", "base64edData"), ("mu", "remoteMediaUrl") })
            if (p[field] is { } value) snapshot[key] = value.DeepClone();
        if ((int)p["mediaType"]! != 0) snapshot["mt"] = p["mediaType"]!.DeepClone();

        var recall = new JsonObject
        {
            ["type"] = RecallContentType, ["content"] = operatorId,
            ["base64edData"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(messageUid.ToString())),
            ["mediaType"] = 0, ["persistFlag"] = 1, ["expireDuration"] = 0, ["mentionedType"] = 0,
        };
        _stored[messageUid] = message with { Payload = recall, Recalled = true };
        return snapshot.ToJsonString();
    }
}
