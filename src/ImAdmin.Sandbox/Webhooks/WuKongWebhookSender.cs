using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Webhooks;

/// <summary>
/// Sends webhooks the way WuKongIM v2 does (see docs/server-behaviour/wukongim.md, 'Webhooks'): POST to url + "?event=name" appended as is;
/// user.onlinestatus as "uid-flag-online-conn-devCount-total" strings; msg.offline as ONE MessageResp object with
/// to_uids, or compress "gzip" + compress_to_uids; msg.notify as an array re-sent whole after a failure.
/// </summary>
public sealed class WuKongWebhookSender(WebhookPoster poster)
{
    public const string OnlineStatus = "user.onlinestatus";
    public const string Notify = "msg.notify";
    public const string Offline = "msg.offline";

    private static long _nextMessageId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() << 10;
    private static long _nextSequence;

    /// <summary>webhook.msgNotifyEventRetryMaxCount default.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The server sleeps 1 s after a failed push.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public static string Url(string baseUrl, string eventName) => baseUrl + "?event=" + eventName;

    /// <summary>One connect/disconnect entry, as the server formats it.</summary>
    public static string StatusEntry(string uid, int deviceFlag, bool online, long connectionId, int deviceOnlineCount, int totalOnlineCount) =>
        $"{uid}-{deviceFlag}-{(online ? 1 : 0)}-{connectionId}-{deviceOnlineCount}-{totalOnlineCount}";

    /// <summary>A stored text message as MessageResp (see docs/server-behaviour/wukongim.md, 'Message shape'): payload is base64 of {"type":1,"content":text}.</summary>
    public static JsonObject Message(string from, string channelId, int channelType, string text)
    {
        var id = Interlocked.Increment(ref _nextMessageId);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new { type = 1, content = text });
        return new JsonObject
        {
            ["header"] = new JsonObject { ["no_persist"] = 0, ["red_dot"] = 1, ["sync_once"] = 0 },
            ["setting"] = 0,
            ["message_id"] = id,
            ["message_idstr"] = id.ToString(),
            ["client_msg_no"] = Guid.NewGuid().ToString("N"),
            ["message_seq"] = Interlocked.Increment(ref _nextSequence),
            ["from_uid"] = from,
            ["channel_id"] = channelId,
            ["channel_type"] = channelType,
            ["expire"] = 0,
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["payload"] = Convert.ToBase64String(payload),
        };
    }

    public Task<WebhookDelivery> OnlineStatusAsync(string url, IReadOnlyList<string> entries, CancellationToken cancellationToken = default) =>
        poster.PostAsync(OnlineStatus, Url(url, OnlineStatus), new JsonArray(entries.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray()).ToJsonString(), entries.Count, 1, cancellationToken);

    /// <summary>msg.offline: one POST per message; no retry (fire and forget on the server's worker pool).</summary>
    public Task<WebhookDelivery> OfflineAsync(string url, JsonObject message, IReadOnlyList<string> recipients, bool compress, CancellationToken cancellationToken = default)
    {
        var body = (JsonObject)message.DeepClone();
        if (compress)
        {
            body["to_uids"] = new JsonArray();
            body["compress"] = "gzip";
            body["compress_to_uids"] = Convert.ToBase64String(Gzip(JsonSerializer.SerializeToUtf8Bytes(recipients)));
        }
        else
        {
            body["to_uids"] = new JsonArray(recipients.Select(r => (JsonNode)JsonValue.Create(r)!).ToArray());
        }
        body["source_id"] = 1001;
        return poster.PostAsync(Offline, Url(url, Offline), body.ToJsonString(), 1, 1, cancellationToken);
    }

    /// <summary>msg.notify: the batch is POSTed until the receiver answers 200, at most <see cref="MaxAttempts"/> times.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> NotifyAsync(string url, IReadOnlyList<JsonObject> batch, CancellationToken cancellationToken = default)
    {
        var deliveries = new List<WebhookDelivery>();
        var json = new JsonArray(batch.Select(m => (JsonNode)m.DeepClone()).ToArray()).ToJsonString();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var delivery = await poster.PostAsync(Notify, Url(url, Notify), json, batch.Count, attempt, cancellationToken);
            deliveries.Add(delivery);
            if (delivery.Succeeded) break;
            if (attempt < MaxAttempts) await Task.Delay(RetryDelay, cancellationToken);
        }
        return deliveries;
    }

    /// <summary>
    /// The re-delivery a receiver sees after a failure it did not notice (a proxy dropped its answer): the first
    /// batch counts as failed, goes back to the front of the cache and is sent again together with the newer messages.
    /// </summary>
    public async Task<IReadOnlyList<WebhookDelivery>> NotifyWithLostAnswerAsync(string url, IReadOnlyList<JsonObject> messages, CancellationToken cancellationToken = default)
    {
        var first = messages.Take((messages.Count + 1) / 2).ToList();
        var deliveries = new List<WebhookDelivery>(await NotifyAsync(url, first, cancellationToken));
        deliveries.AddRange(await NotifyAsync(url, messages, cancellationToken));
        return deliveries;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal)) gzip.Write(data);
        return output.ToArray();
    }
}
