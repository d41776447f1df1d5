using System.Text.Json;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;

namespace ImAdmin.Engine.Tests.WuKongIM;

/// <summary>Shared steps of the WuKongIM message tests: a connected client, sends that set up data, journal queries.</summary>
internal static class WuKongTestData
{
    public static async Task<(ImSession Session, WuKongClient Client)> ConnectAsync(SandboxFixture sandbox, bool validate = true)
    {
        var session = await SandboxFixture.ConnectAsync(sandbox.WuKongRequest(), validate);
        return (session, session.Require<WuKongClient>("WuKongIM tests"));
    }

    public static SendRequest Text(string? from, string channelId, ChannelType type, string text) =>
        new(from, channelId, type, MessageContent.FromText(text));

    /// <summary>Sends texts one by one (each through /message/send) and returns their results.</summary>
    public static async Task<List<ImSendResult>> SendTextsAsync(WuKongClient client, string? from, string channelId, ChannelType type, int count, string prefix = "m")
    {
        var results = new List<ImSendResult>();
        for (var i = 1; i <= count; i++)
            results.AddRange((await client.SendAsync([Text(from, channelId, type, $"{prefix}{i}")], CancellationToken.None)).Select(r => r.Unwrap()));
        return results;
    }

    /// <summary>Journal entries for <paramref name="path"/> whose body mentions <paramref name="marker"/> (tests share one sandbox).</summary>
    public static List<JournalEntry> Requests(SandboxFixture sandbox, string path, string marker) =>
        sandbox.Host.WuKongServer.Journal.Entries.Where(e => e.Path == path && (e.Body.Contains(marker) || e.Query.Contains(marker))).ToList();

    public static JsonElement BodyOf(JournalEntry entry) => JsonDocument.Parse(entry.Body).RootElement.Clone();

    public static void Fault(SandboxFixture sandbox, Fault fault) => sandbox.Host.WuKongServer.Faults.Add(fault);
}
