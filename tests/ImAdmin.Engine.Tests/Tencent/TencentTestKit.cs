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
