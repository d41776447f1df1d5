using System.Net.Http.Headers;
using System.Text.Json;

namespace ImAdmin.Bench.PowerShell;

/// <summary>
/// The least a distinct-text send can cost on this machine: no PowerShell and no module, just one HttpClient posting
/// each row's /message/send body with a fixed number of calls in flight (Send-ImMessage's default -ThrottleLimit) to
/// the same fixed-answer server. Whatever Send-ImMessage costs above this plus binding its rows is the module's own.
/// </summary>
public static class HttpFloor
{
    public static RunCost Measure(Uri baseUri, string token, IReadOnlyList<(string From, string Uid, string Text)> rows, int inFlight)
    {
        using var client = new HttpClient { BaseAddress = baseUri };
        client.DefaultRequestHeaders.Add("token", token);
        return RunCost.Of(() => SendAllAsync(client, rows, inFlight).GetAwaiter().GetResult());
    }

    private static async Task SendAllAsync(HttpClient client, IReadOnlyList<(string From, string Uid, string Text)> rows, int inFlight)
    {
        var next = -1;
        async Task Loop()
        {
            for (var i = Interlocked.Increment(ref next); i < rows.Count; i = Interlocked.Increment(ref next))
            {
                var (from, uid, text) = rows[i];
                var payload = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new { type = 1, content = text }));
                var body = JsonSerializer.SerializeToUtf8Bytes(new { header = new { red_dot = 1 }, from_uid = from, channel_id = uid, channel_type = 1, payload });
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await client.PostAsync("message/send", content).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                using var answer = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
            }
        }
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(Loop)));
    }
}
