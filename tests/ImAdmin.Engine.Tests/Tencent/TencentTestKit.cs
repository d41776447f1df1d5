using System.Text.Json;
using System.Text.RegularExpressions;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Tencent;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox;
using ImAdmin.Sandbox.Faults;

namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>Shortcuts for the Tencent tests: the client of a session, account import, journal reading, envelopes.</summary>
internal static class TencentTestKit
{
    public static TencentClient Client(ImSession session) => session.Require<TencentClient>("tests");

    public static async Task<string[]> ImportAsync(ImSession session, params string[] userIds)
    {
        var failed = await Client(session).ImportAccountsAsync(userIds, CancellationToken.None);
        Assert.Empty(failed);
        return userIds;
    }

    public static string[] NewIds(string prefix, int count) =>
        Enumerable.Range(0, count).Select(_ => SandboxFixture.NewId(prefix)).ToArray();

    public static SendRequest Text(string to, string text, string? from = null) =>
        new(from, to, ChannelType.Person, MessageContent.FromText(text));

    public static IReadOnlyList<JournalEntry> Calls(SandboxHost host, string api) =>
        host.TencentServer.Journal.Entries.Where(e => e.Path == "/v4/" + api).ToList();

    /// <summary>A query parameter of a journal entry (the raw, still percent-encoded value).</summary>
    public static string Query(JournalEntry entry, string name) =>
        Regex.Match(entry.Query, "[?&]" + name + "=([^&]*)").Groups[1].Value;

    /// <summary>POSTs a raw JSON body to /v4/<paramref name="api"/> as the sandbox admin and parses the envelope.</summary>
    public static async Task<JsonElement> RawCallAsync(SandboxFixture sandbox, string api, string body)
    {
        var sig = UserSig.Generate(sandbox.Options.TencentSdkAppId, sandbox.Options.TencentSecretKey, "administrator", DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        var uri = new Uri(sandbox.Host.TencentServer.BaseUri, $"v4/{api}?sdkappid={sandbox.Options.TencentSdkAppId}&identifier=administrator&usersig={sig}&random=7&contenttype=json");
        using var response = await RawHttp.PostAsync(uri, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(ImAdmin.Engine.Json.ImJson.TryParse(await response.Content.ReadAsStringAsync(), out var json));
        return json;
    }

    private static readonly HttpClient RawHttp = new();

    /// <summary>A Tencent envelope as a fault body (HTTP 200, like every API-level answer).</summary>
    public static Fault EnvelopeFault(string api, int code, string info, int times = 1, bool afterProcessing = false) => new()
    {
        Path = "/v4/" + api,
        Status = 200,
        Body = JsonSerializer.Serialize(new Dictionary<string, object> { ["ActionStatus"] = "FAIL", ["ErrorInfo"] = info, ["ErrorCode"] = code }),
        Times = times,
        AfterProcessing = afterProcessing,
    };
}
