using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Webhooks;

/// <summary>
/// Posts realistic webhooks and callbacks to a receiver, as the three IM servers would: the in-process API of the
/// engine tests and the implementation behind POST /_sandbox/webhooks.
/// </summary>
public sealed class SandboxWebhooks : IDisposable
{
    private readonly WebhookPoster _poster = new();

    public async Task<IReadOnlyList<WebhookDelivery>> SendAsync(WebhookOrder order, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(order.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp)
            throw new ArgumentException($"url '{order.Url}' is not an http:// address.");
        if (order.Count < 1) throw new ArgumentException("count must be 1 or more.");
        if (!await WebhookPoster.WaitForListenerAsync(order.Url, TimeSpan.FromMilliseconds(order.WaitForListenerMs), cancellationToken))
            return [new WebhookDelivery(order.Event, order.Url, 0, string.Empty, 1, 0, $"nothing listens at {order.Url}")];
        return order.Provider.ToLowerInvariant() switch
        {
            "wukongim" => await WuKongAsync(order, cancellationToken),
            "tencentcloud" or "tencent" => await TencentAsync(order, cancellationToken),
            "wildfire" => await WildfireAsync(order, cancellationToken),
            _ => throw new ArgumentException($"provider '{order.Provider}' is not WuKongIM, TencentCloud or Wildfire."),
        };
    }

    private async Task<IReadOnlyList<WebhookDelivery>> WuKongAsync(WebhookOrder order, CancellationToken ct)
    {
        var sender = new WuKongWebhookSender(_poster) { RetryDelay = TimeSpan.FromMilliseconds(order.RetryDelayMs) };
        if (order.Body != null)
            return [await _poster.PostAsync(order.Event, WuKongWebhookSender.Url(order.Url, order.Event), order.Body, 1, 1, ct)];
        var messages = Enumerable.Range(1, order.Count)
            .Select(i => WuKongWebhookSender.Message(order.UserId, order.PeerId, order.ChannelType, order.Count == 1 ? order.Text : $"{order.Text} #{i}"))
            .ToList();
        switch (order.Event)
        {
            case WuKongWebhookSender.OnlineStatus:
                var entries = Enumerable.Range(0, order.Count)
                    .Select(i => WuKongWebhookSender.StatusEntry(order.Count == 1 ? order.UserId : $"{order.UserId}-{i}", i % 3, i % 2 == 0, 1000 + i, 1, 1 + i % 2))
                    .ToList();
                return [await sender.OnlineStatusAsync(order.Url, entries, ct)];
            case WuKongWebhookSender.Notify:
                return order.Redeliver ? await sender.NotifyWithLostAnswerAsync(order.Url, messages, ct) : await sender.NotifyAsync(order.Url, messages, ct);
            case WuKongWebhookSender.Offline:
                var recipients = Enumerable.Range(1, order.Recipients).Select(i => $"{order.PeerId}-{i}").ToList();
                var deliveries = new List<WebhookDelivery>();
                foreach (var message in messages) deliveries.Add(await sender.OfflineAsync(order.Url, message, recipients, order.Compress, ct));
                return deliveries;
            default:
                throw new ArgumentException($"WuKongIM has no webhook '{order.Event}' (user.onlinestatus, msg.notify, msg.offline).");
        }
    }

    private async Task<IReadOnlyList<WebhookDelivery>> TencentAsync(WebhookOrder order, CancellationToken ct)
    {
        var sender = new TencentCallbackSender(_poster);
        var signing = new TencentSigning(order.SdkAppId, order.Token, order.RequestTime, order.Tamper);
        var deliveries = new List<WebhookDelivery>();
        for (var i = 0; i < order.Count; i++)
        {
            var body = order.Body != null ? JsonNode.Parse(order.Body) as JsonObject : TencentCallbackSamples.Build(order.Event, order.Parties);
            if (order.Body != null && body == null)
            {
                deliveries.Add(await _poster.PostAsync(order.Event, order.Url + "?" + TencentCallbackSender.Query(order.Event, signing), order.Body, 1, 1, ct));
                continue;
            }
            if (body == null) throw new ArgumentException($"The sandbox has no sample of Tencent callback '{order.Event}' ({string.Join(", ", TencentCallbackSamples.Commands)}).");
            deliveries.Add(await sender.SendAsync(order.Url, order.Event, body, signing, ct));
        }
        return deliveries;
    }

    private async Task<IReadOnlyList<WebhookDelivery>> WildfireAsync(WebhookOrder order, CancellationToken ct)
    {
        var deliveries = new List<WebhookDelivery>();
        for (var i = 0; i < order.Count; i++)
        {
            var body = order.Body ?? WildfireCallbackSamples.Build(order.Event, order.Parties)?.ToJsonString()
                ?? throw new ArgumentException($"The sandbox has no sample of Wildfire callback '{order.Event}' ({string.Join(", ", WildfireCallbackSamples.Events)}).");
            deliveries.Add(await _poster.PostAsync(order.Event, order.Url, body, 1, 1, ct));
        }
        return deliveries;
    }

    public void Dispose() => _poster.Dispose();
}
