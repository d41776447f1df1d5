using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Webhooks;

/// <summary>How a sandbox callback is signed: no token means callback authentication is off in the console.</summary>
public sealed record TencentSigning(long SdkAppId, string? Token = null, long? RequestTime = null, bool Tamper = false, string OptPlatform = "Android", string ClientIP = "192.0.2.10");

/// <summary>
/// Sends Tencent Cloud IM callbacks (see docs/server-behaviour/tencent.md, 'Callbacks'): POST url?SdkAppid=&amp;CallbackCommand=&amp;contenttype=json
/// &amp;ClientIP=&amp;OptPlatform= [&amp;RequestTime=&amp;Sign=], Sign = lower-hex SHA-256(token + RequestTime). Tencent never retries.
/// </summary>
public sealed class TencentCallbackSender(WebhookPoster poster)
{
    public Task<WebhookDelivery> SendAsync(string url, string command, JsonObject body, TencentSigning signing, CancellationToken cancellationToken = default) =>
        poster.PostAsync(command, url + (url.Contains('?') ? "&" : "?") + Query(command, signing), body.ToJsonString(), 1, 1, cancellationToken);

    public static string Query(string command, TencentSigning signing)
    {
        var query = $"SdkAppid={signing.SdkAppId}&CallbackCommand={Uri.EscapeDataString(command)}&contenttype=json" +
                    $"&ClientIP={Uri.EscapeDataString(signing.ClientIP)}&OptPlatform={Uri.EscapeDataString(signing.OptPlatform)}";
        if (signing.Token == null) return query;
        var time = (signing.RequestTime ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString();
        var sign = Sign(signing.Token, time);
        if (signing.Tamper) sign = (sign[0] == '0' ? "1" : "0") + sign[1..];
        return query + $"&RequestTime={time}&Sign={sign}";
    }

    public static string Sign(string token, string requestTime) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token + requestTime))).ToLowerInvariant();
}
