using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;

namespace ImAdmin.Engine.Tests.Webhooks;

/// <summary>POST /_sandbox/webhooks, the route Pester tests and newcomers use to make the sandbox post to a listener.</summary>
public sealed class SandboxWebhookRouteTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly HttpClient _http = new();

    [Theory]
    [InlineData("WuKongServer")]
    [InlineData("TencentServer")]
    [InlineData("WildfireServer")]
    public async Task Any_provider_port_posts_webhooks_to_the_given_url(string server)
    {
        var baseUri = server switch
        {
            "WuKongServer" => fixture.Host.WuKongServer.BaseUri,
            "TencentServer" => fixture.Host.TencentServer.BaseUri,
            _ => fixture.Host.WildfireServer.BaseUri,
        };
        using var listener = ListenerHarness.Start(ImProvider.WuKongIM);

        using var response = await _http.PostAsJsonAsync(new Uri(baseUri, "/_sandbox/webhooks"),
            new { provider = "WuKongIM", url = listener.Prefix, @event = "msg.offline", count = 2, compress = true, recipients = 10 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var deliveries = answer.RootElement.GetProperty("deliveries").EnumerateArray().ToList();
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(200, d.GetProperty("status").GetInt32()));
        var messages = listener.Take(2).SelectMany(r => r.Events).Cast<WuKongMessageEvent>().ToList();
        Assert.All(messages, m => Assert.Equal(10, m.ToUserIds.Length));
    }

    [Fact]
    public async Task A_bad_order_is_a_400_that_says_what_is_wrong()
    {
        using var listener = ListenerHarness.Start(ImProvider.WuKongIM);

        using var response = await _http.PostAsJsonAsync(new Uri(fixture.Host.WuKongServer.BaseUri, "/_sandbox/webhooks"),
            new { provider = "WuKongIM", url = listener.Prefix, @event = "msg.unknown" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("msg.unknown", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_url_nobody_listens_on_is_reported_not_thrown()
    {
        using var refusing = new RefusingPort();
        using var response = await _http.PostAsJsonAsync(new Uri(fixture.Host.WuKongServer.BaseUri, "/_sandbox/webhooks"),
            new { provider = "Wildfire", url = refusing.Uri.AbsoluteUri, @event = "message.forward", waitForListenerMs = 100 });

        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var delivery = Assert.Single(answer.RootElement.GetProperty("deliveries").EnumerateArray());
        Assert.Equal(0, delivery.GetProperty("status").GetInt32());
        Assert.Contains("nothing listens", delivery.GetProperty("error").GetString());
    }
}
