using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

/// <summary>Presence routes: onlinestatus and kickoff_client (docs/server-behaviour/wildfire.md, "Presence").</summary>
public sealed partial class WildfireSandbox
{
    /// <summary>Client sessions per user, for onlinestatus and kickoff_client.</summary>
    public WildfireClientSessions ClientSessions { get; } = new(options.Now);

    /// <summary>
    /// POST /_sandbox/wildfire/clients {userId, clientId, platform, online?, packageName?}: a client logs in, for tests
    /// and demos that cannot run a real IM client.
    /// </summary>
    private void MapPresenceControl(WebApplication app) =>
        app.MapPost(Faults.ControlRoutes.Prefix + "/wildfire/clients", (ClientLogin login) =>
        {
            if (string.IsNullOrEmpty(login.UserId) || string.IsNullOrEmpty(login.ClientId))
                return Results.BadRequest("userId and clientId are required");
            ClientSessions.Connect(login.UserId, login.ClientId, login.Platform, login.Online ?? true, login.PackageName);
            return Results.Ok();
        });

    private void MapPresenceRoutes()
    {
        Route("POST", "/admin/user/onlinestatus", body =>
        {
            // The server dereferences the parsed body before its null check.
            if (body == null) throw new WildfireBodyException("java.lang.NullPointerException");
            var userId = body.Str("userId");
            if (string.IsNullOrEmpty(userId)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            // Unknown users are not an error: their list is simply empty.
            return WildfireReply.Ok(new JsonObject { ["sessions"] = ClientSessions.SessionsOf(userId) });
        });
        Route("POST", "/admin/user/kickoff_client", body =>
        {
            var userId = body.Str("first");
            if (string.IsNullOrEmpty(userId)) return WildfireReply.Fail(WildfireCodes.InvalidParameter);
            ClientSessions.Kick(userId, body.Str("second"));
            return WildfireReply.Ok();
        });
    }
}

/// <summary>The body of POST /_sandbox/wildfire/clients.</summary>
public sealed record ClientLogin(string UserId, string ClientId, int Platform, bool? Online, string? PackageName);
