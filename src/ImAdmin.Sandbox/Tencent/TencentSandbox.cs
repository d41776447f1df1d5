using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>
/// Tencent Cloud IM REST API (v4) as docs/server-behaviour/tencent.md describes it: POST /v4/{service}/{command}
/// with auth in the query string (a UserSig of an app admin), HTTP 200 for every API-level outcome, the
/// ActionStatus/ErrorCode/ErrorInfo envelope, per-API frequency limits (60007) the account and C2C message APIs, and groups.
/// </summary>
public sealed partial class TencentSandbox(SandboxOptions options)
{
    private readonly Dictionary<string, Func<TencentCall, IResult>> _apis = new(StringComparer.Ordinal);

    public SandboxOptions Options => options;

    public TencentState State { get; } = new(options.TencentAdmins);

    internal TencentRateLimits Limits { get; } = new(options.TencentCallsPerSecond, options.TencentBatchRecipientsPerMinute);

    public void Map(WebApplication app)
    {
        MapAccounts();
        MapMessages();
        MapConversations();
        MapHistory();
        MapWithdraw();
        MapGroups();
        MapImports();
        MapProfiles();
        MapGroupMembers();
        MapGroupMessages();
        app.Map("/v4/{service}/{command}", async (HttpContext context, string service, string command) =>
        {
            var api = service + "/" + command;
            try
            {
                // POST only, UTF-8 JSON body (see docs/server-behaviour/tencent.md, 'Requests').
                if (!HttpMethods.IsPost(context.Request.Method))
                    throw new TencentApiException(60002, "HTTP method must be POST");
                var identifier = Authenticate(context.Request.QueryString.Value);
                if (!Limits.TryCall(api))
                    throw new TencentApiException(60007, $"REST API call frequency exceeded: {api} allows {options.TencentCallsPerSecond} calls per second");
                if (!_apis.TryGetValue(api, out var handler))
                    throw new TencentApiException(60009, $"unknown service or command: {api}");
                return handler(new TencentCall(identifier, await ReadBody(context, service)));
            }
            catch (TencentApiException ex)
            {
                return TencentEnvelope.Fail(ex.Code, ex.Message);
            }
        });
        // Outside /v4 there is no API: the gateway's plain 404.
        app.MapFallback(() => Results.Text("404 page not found", statusCode: 404));
    }

    /// <summary>Demo accounts, a message and a group, so a newcomer sees data at once.</summary>
    public void Seed()
    {
        foreach (var user in new[] { "alice", "bob", "carol", "dave" }) State.Import(user);
        State.TryCreateGroup(DemoGroupId, out _);
        State.SetPresence("alice", "iPhone", "Online");
        State.Store(new TencentStoredMessage("openim/sendmsg", options.TencentAdmins[0], "alice", 1, 1,
            options.Now().ToUnixTimeSeconds(), JsonDocument.Parse("""[{"MsgType":"TIMTextElem","MsgContent":{"Text":"Welcome to the ImAdmin sandbox"}}]""").RootElement, null, []));
    }

    private static async Task<JsonElement> ReadBody(HttpContext context, string service)
    {
        // Message APIs report unparsable JSON as 90001, the others as the common 60003.
        var code = service == "openim" ? 90001 : 60003;
        try
        {
            using var doc = await JsonDocument.ParseAsync(context.Request.Body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new TencentApiException(code, "the request body must be a JSON object");
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new TencentApiException(code, "the request body is not valid JSON (send {} when an API takes no fields)");
        }
    }
}

/// <summary>One authenticated API call: who made it (the admin identifier) and its JSON body.</summary>
public sealed record TencentCall(string Identifier, JsonElement Body);
