using System.Net;
using System.Net.Sockets;
using System.Text;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Webhooks;
using ImAdmin.Engine.Webhooks.Listener;

namespace ImAdmin.Engine.Tests.Webhooks;

/// <summary>
/// Senders that stall mid-body, with a Host the prefix does not name, must not hold up anyone else's answer, and a
/// body of the wrong shape for its event is refused. Times are generous bounds on whole requests, never measured finely.
/// </summary>
public sealed class WebhookStallTests : IDisposable
{
    private const string NotifyBody = """[{"message_id":7,"message_seq":1,"client_msg_no":"c","from_uid":"a","channel_id":"b","channel_type":1,"timestamp":1700000000,"payload":"eyJ0eXBlIjoxLCJjb250ZW50IjoiaGkifQ=="}]""";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(3) };

    public void Dispose() => _http.Dispose();

    /// <summary>Opens a connection and sends a head announcing 1,000 body bytes, then one byte, then nothing.</summary>
    private static async Task<TcpClient> StallAsync(int port, string host)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var head = $"POST /hook/?event=msg.notify HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n[";
        var bytes = Encoding.ASCII.GetBytes(head);
        await client.GetStream().WriteAsync(bytes);
        return client;
    }

    [Fact]
    public async Task Sixteen_stalled_senders_with_a_foreign_host_do_not_delay_other_answers_and_are_reported_as_dropped()
    {
        using var listener = ListenerHarness.Start(ImProvider.WuKongIM, o => o.RequestReadTimeout = TimeSpan.FromSeconds(1));
        var port = new Uri(listener.Prefix).Port;
        var stalled = new List<TcpClient>();
        for (var i = 0; i < 16; i++) stalled.Add(await StallAsync(port, i % 2 == 0 ? "elsewhere.example" : "127.0.0.1"));
        try
        {
            // Each answer must come within the client's 3 s timeout; before the fix 16 stalls held every answer ~16 s.
            var answered = 0;
            for (var i = 0; i < 20; i++)
            {
                try
                {
                    using var response = await _http.PostAsync(listener.Prefix + "?event=msg.notify", new StringContent(NotifyBody, Encoding.UTF8, "application/json"));
                    if (response.StatusCode == HttpStatusCode.OK) answered++;
                }
                catch (TaskCanceledException)
                {
                    // not answered within the bound
                }
            }
            Assert.Equal(20, answered);

            // The stalled connections are closed by the listener once their read bound passes, and each is reported.
            foreach (var client in stalled)
            {
                client.GetStream().ReadTimeout = 10_000;
                var buffer = new byte[64];
                int read;
                try
                {
                    read = await client.GetStream().ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
                }
                catch (IOException)
                {
                    read = 0;
                }
                Assert.Equal(0, read);
            }
            // The listener closes a stalled connection first and reports it just after: collect the reports for a while.
            var dropped = new List<string>();
            for (var wait = 0; dropped.Count < 16 && wait < 200; wait++)
            {
                dropped.AddRange(listener.TakeDropped());
                if (dropped.Count < 16) await Task.Delay(50);
            }
            Assert.Equal(16, dropped.Count);
            Assert.Contains(dropped, d => d.Contains("elsewhere.example") && d.Contains("did not arrive within 1 s"));
        }
        finally
        {
            stalled.ForEach(c => c.Dispose());
        }
    }

    [Theory]
    [InlineData("msg.notify", """{"a":1}""")]
    [InlineData("msg.notify", """[{"a":1}]""")]
    [InlineData("msg.offline", """{"channel_id":"x"}""")]
    public async Task A_body_of_the_wrong_shape_for_its_event_is_answered_400_and_emits_nothing(string eventName, string body)
    {
        using var listener = ListenerHarness.Start(ImProvider.WuKongIM);

        using var response = await _http.PostAsync(listener.Prefix + "?event=" + eventName, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var receipt = Assert.Single(listener.Take(1));
        Assert.Empty(receipt.Events);
        var error = Assert.Single(receipt.Errors);
        Assert.Equal(WebhookCheck.Body, error.Check);
        Assert.Contains("message_id", error.Message);
        Assert.Equal(body, receipt.Body);
    }

    [Theory]
    [InlineData(ImProvider.Wildfire, "message.forward", """{"a":1}""", "conv")]
    [InlineData(ImProvider.TencentCloud, "C2C.CallbackAfterSendMsg", """{"a":1}""", "From_Account")]
    [InlineData(ImProvider.TencentCloud, "Group.CallbackAfterSendMsg", """{"a":1}""", "GroupId")]
    public void Wrong_shapes_are_errors_on_every_provider(ImProvider provider, string eventName, string body, string missing)
    {
        var parsed = WebhookParser.Parse(new WebhookRequest(provider, body, eventName, WebhookQuery.Parse(null)), new WebhookParseOptions());

        Assert.Empty(parsed.Events);
        Assert.True(parsed.Unreadable);
        Assert.Contains(missing, Assert.Single(parsed.Errors).Message);
    }
}
