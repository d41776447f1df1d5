namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>
/// WuKongIM v2 admin API (port 5001) as docs/server-behaviour/wukongim.md describes it: the token header checked
/// before anything else (401, empty body), bare/enveloped answers per route, and 400 <c>{msg,status}</c> errors.
/// </summary>
public sealed partial class WuKongSandbox(SandboxOptions options)
{
    /// <summary>The release the sandbox emulates unless <see cref="SandboxOptions.WuKongVersion"/> says otherwise.</summary>
    public const string Version = "v2.2.5-20260422";

    public WuKongState State { get; } = new() { StoreDelay = options.WuKongStoreDelay };

    public void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            // Every path, known or not, needs the exact token when managerToken is set (see docs/server-behaviour/wukongim.md, 'Authentication').
            if (options.WuKongToken != null && !context.Request.Path.StartsWithSegments("/_sandbox") &&
                context.Request.Headers["token"].ToString() != options.WuKongToken)
            {
                context.Response.StatusCode = 401;
                return;
            }
            await next(context);
        });
        // gin answers unknown paths and wrong methods with a text/plain 404.
        app.MapFallback(async context =>
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("404 page not found");
        });
        MapServer(app);
        MapConnections(app);
        MapUsers(app);
        MapChannels(app);
        MapMessageSends(app);
        MapMessageReads(app);
        MapConversations(app);
        MapPlugins(app);
        MapEvents(app);
    }

    /// <summary>Demo data for a newcomer's first look.</summary>
    public void Seed() => State.Seed();
}
