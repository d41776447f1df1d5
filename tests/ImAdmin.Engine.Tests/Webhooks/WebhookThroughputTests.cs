using System.Diagnostics;
using System.Text.Json;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Webhooks;
using ImAdmin.Sandbox.Webhooks;
using Xunit.Abstractions;

namespace ImAdmin.Engine.Tests.Webhooks;

/// <summary>Volume checks: nothing is lost or duplicated under load. The timings are reported, never asserted.</summary>
public sealed class WebhookThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void A_batch_of_1000_messages_parses_completely()
    {
        var batch = new System.Text.Json.Nodes.JsonArray(Enumerable.Range(1, 1000)
            .Select(i => (System.Text.Json.Nodes.JsonNode)WuKongWebhookSender.Message("alice", "group-1", 2, $"message {i}")).ToArray()).ToJsonString();
        var request = new WebhookRequest(ImProvider.WuKongIM, batch, "msg.notify");
        WebhookParser.Parse(request, new WebhookParseOptions());

        var clock = Stopwatch.StartNew();
        const int rounds = 20;
        WebhookParseResult result = null!;
        for (var i = 0; i < rounds; i++) result = WebhookParser.Parse(request, new WebhookParseOptions());
        clock.Stop();

        Assert.Equal(1000, result.Events.Count);
        Assert.Equal("message 1000", ((WuKongMessageEvent)result.Events[^1]).Text);
        output.WriteLine($"msg.notify parse: {clock.Elapsed.TotalMilliseconds / rounds:F2} ms per 1,000 events ({batch.Length / 1024} KiB body)");
    }

    [Fact]
    public async Task The_listener_keeps_every_callback_of_concurrent_senders()
    {
        using var listener = ListenerHarness.Start(ImProvider.TencentCloud);
        using var http = new HttpClient();
        const int senders = 8, perSender = 250;
        var body = TencentCallbackSamples.Build("C2C.CallbackAfterSendMsg", new SampleParties())!.ToJsonString();
        var url = listener.Prefix + "?" + TencentCallbackSender.Query("C2C.CallbackAfterSendMsg", new TencentSigning(1400000000));

        var clock = Stopwatch.StartNew();
        var sending = Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
        {
            for (var i = 0; i < perSender; i++)
            {
                using var response = await http.PostAsync(url, new StringContent(body));
                Assert.Equal(200, (int)response.StatusCode);
            }
        }));
        var received = listener.Take(senders * perSender);
        await sending;
        clock.Stop();

        Assert.All(received, r => Assert.IsType<TencentAfterPrivateMessageSendEvent>(Assert.Single(r.Events)));
        output.WriteLine($"listener: {senders * perSender} callbacks from {senders} senders in {clock.ElapsedMilliseconds} ms = {senders * perSender / clock.Elapsed.TotalSeconds:F0} events/s");
    }
}
