using System.Text;
using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

/// <summary>
/// WildfireChat im-server admin API (port 18080) as docs/server-behaviour/wildfire.md describes the community edition:
/// routes registered per method (anything else, including professional-edition routes, is an empty HTTP 500 before
/// any check), then <c>AdminAction.preAction</c> (shared rate limiter, health exemption, signature), then the handler,
/// which answers HTTP 200 with <c>{code,msg,result}</c>. A body the server cannot parse is an HTTP 500 with the
/// exception text. Routes live in partial files per area.
/// </summary>
public sealed partial class WildfireSandbox(SandboxOptions options)
{
    private readonly Dictionary<(string Method, string Path), Func<JsonObject?, WildfireReply>> _routes = new();
    private readonly WildfireSignatureCheck _signatures = new(options);

    public SandboxOptions Options => options;

    /// <summary>Users, groups, chatrooms and channels.</summary>
    public WildfireDirectory Directory { get; } = new(options.Now);

    /// <summary>Every accepted message, for assertions.</summary>
    public WildfireMessageStore Messages { get; } = new();

    /// <summary>The admin rate limiter (http.admin.rate_limit), shared by every route and caller.</summary>
    public WildfireAdminLimiter Limiter { get; } = new(options.WildfireRateLimit);

    /// <summary>The auth headers of every signed request and the verdict, so tests can see fresh nonces per attempt.</summary>
    public IReadOnlyList<WildfireSignedRequest> SignedRequests => _signatures.Seen;

    public void Map(WebApplication app)
    {
        MapServerRoutes();
        MapUserRoutes();
        MapGroupRoutes();
        MapConversationRoutes();
        MapMessageRoutes();
        MapMessageAdminRoutes();
        MapReceiptRoutes();
        MapPresenceRoutes();
        MapPresenceControl(app);
        // Not MapPost: ASP.NET would answer a wrong method with 405, the server with an empty 500.
        app.MapFallback("{**path}", HandleAsync);
    }

    /// <summary>Demo users, a group and two connected clients for a newcomer's first look.</summary>
    public void Seed()
    {
        Directory.Seed();
        ClientSessions.Connect("alice", "alice-iphone", 1);
        ClientSessions.Connect("bob", "bob-web", 5);
    }

    private void Route(string method, string path, Func<JsonObject?, WildfireReply> handler) => _routes[(method, path)] = handler;

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!_routes.TryGetValue((request.Method, request.Path.Value ?? "/"), out var handler))
        {
            context.Response.StatusCode = 500; // UnknownErrorAction: no body, no auth check
            return;
        }

        var code = Limiter.TryTake() ? _signatures.Check(request) : WildfireCodes.OverFrequency;
        if (code != WildfireCodes.Success)
        {
            await WriteAsync(context, WildfireReply.PreActionFailure(code));
            return;
        }

        var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync();
        WildfireReply reply;
        try
        {
            reply = handler(WildfireJson.ParseObject(body));
        }
        catch (WildfireBodyException ex)
        {
            // An exception escaping the handler: the server answers 500 with its text.
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync(ex.Message);
            return;
        }
        await WriteAsync(context, reply);
    }

    private static Task WriteAsync(HttpContext context, WildfireReply reply)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(reply.ToJson());
    }
}
