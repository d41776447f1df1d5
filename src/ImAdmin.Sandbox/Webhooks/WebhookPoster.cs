using System.Net.Sockets;
using System.Text;

namespace ImAdmin.Sandbox.Webhooks;

/// <summary>One POST the sandbox made as an IM server would, and how the receiver answered (Status 0: no answer).</summary>
public sealed record WebhookDelivery(string Event, string Url, int Status, string Body, int Attempt, int Items, string? Error = null)
{
    public bool Succeeded => Status == 200;
}

/// <summary>Posts JSON bodies the way the servers do: POST, Content-Type application/json, keep-alive, a timeout.</summary>
public sealed class WebhookPoster : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) }) { Timeout = TimeSpan.FromSeconds(30) };

    public async Task<WebhookDelivery> PostAsync(string eventName, string url, string json, int items, int attempt = 1, CancellationToken cancellationToken = default)
    {
        try
        {
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(url, content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new WebhookDelivery(eventName, url, (int)response.StatusCode, body, attempt, items);
        }
        catch (HttpRequestException ex)
        {
            return new WebhookDelivery(eventName, url, 0, string.Empty, attempt, items, ex.Message);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookDelivery(eventName, url, 0, string.Empty, attempt, items, "timed out: " + ex.Message);
        }
    }

    /// <summary>Waits until something accepts TCP connections at <paramref name="url"/>'s host and port (a listener a test is starting).</summary>
    public static async Task<bool> WaitForListenerAsync(string url, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(url);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(uri.Host, uri.Port, cancellationToken);
                return true;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken);
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }

    public void Dispose() => _http.Dispose();
}
