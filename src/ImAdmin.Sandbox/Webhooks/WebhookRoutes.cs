namespace ImAdmin.Sandbox.Webhooks;

/// <summary>
/// POST /_sandbox/webhooks on every provider port: posts the webhooks an order describes to the order's url and
/// answers with how the receiver answered each one, e.g.
/// {"provider":"WuKongIM","url":"http://127.0.0.1:8080/","event":"msg.notify","count":3,"redeliver":true}.
/// </summary>
public static class WebhookRoutes
{
    public static void Map(WebApplication app)
    {
        var webhooks = new SandboxWebhooks();
        app.Lifetime.ApplicationStopped.Register(webhooks.Dispose);
        app.MapPost("/_sandbox/webhooks", async (WebhookOrder order, CancellationToken ct) =>
        {
            try
            {
                return Results.Ok(new { deliveries = await webhooks.SendAsync(order, ct) });
            }
            catch (ArgumentException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }
        });
    }
}
