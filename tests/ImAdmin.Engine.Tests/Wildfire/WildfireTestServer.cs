using ImAdmin.Engine.Http;
using ImAdmin.Engine.Providers.Wildfire;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox;

namespace ImAdmin.Engine.Tests.Wildfire;

/// <summary>Calls the Wildfire test setup needs: signed admin calls through a session's own pipeline, and sandboxes with special options.</summary>
internal static class WildfireTestServer
{
    public static WildfireClient Client(ImSession session) => (WildfireClient)session.Client;

    /// <summary>A signed admin call through the session's pipeline; returns the envelope's result or throws its ImException.</summary>
    public static async Task<System.Text.Json.JsonElement> PostAsync(ImSession session, string path, object body) =>
        await Client(session).CallAsync(path, body, RetrySafety.Idempotent, CancellationToken.None);

    public static Task CreateUserAsync(ImSession session, string userId) =>
        PostAsync(session, "/admin/user/create", new Dictionary<string, string> { ["userId"] = userId, ["name"] = userId });

    /// <summary>A sandbox of its own, for options a shared one cannot have (rate limit, clock, no_check_time).</summary>
    public static Task<SandboxHost> StartAsync(SandboxOptions options) => SandboxHost.StartAsync(options);

    /// <summary>A connection request for <paramref name="host"/>'s Wildfire server, otherwise like the fixture's.</summary>
    public static ConnectionRequest RequestFor(SandboxFixture fixture, SandboxHost host, RetryPolicy? policy = null)
    {
        var request = fixture.WildfireRequest(policy);
        request.Uri = host.WildfireServer.BaseUri;
        request.Secret = ImAdmin.Engine.Security.ImSecret.FromPlainText(host.Options.WildfireSecret);
        return request;
    }
}
