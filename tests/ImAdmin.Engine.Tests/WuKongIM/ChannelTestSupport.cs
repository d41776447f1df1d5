using System.Text.Json;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;

namespace ImAdmin.Engine.Tests.WuKongIM;

/// <summary>What the channel tests share: a connected WuKongIM client and the sandbox journal, filtered to one channel.</summary>
public abstract class ChannelTestSupport(SandboxFixture sandbox) : IAsyncLifetime
{
    protected SandboxFixture Sandbox { get; } = sandbox;

    protected ImSession Session { get; private set; } = null!;

    protected WuKongClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sandbox.Host.WuKongServer.Faults.Clear();
        Session = await SandboxFixture.ConnectAsync(Sandbox.WuKongRequest());
        Client = Session.Require<WuKongClient>("channel tests");
    }

    public Task DisposeAsync()
    {
        Sandbox.Host.WuKongServer.Faults.Clear();
        Session.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Requests to <paramref name="path"/> that mention <paramref name="channelId"/> (in the body or the query).</summary>
    protected IReadOnlyList<JournalEntry> Calls(string path, string channelId) =>
        Sandbox.Host.WuKongServer.Journal.Entries
            .Where(e => e.Path == path && (e.Body.Contains('"' + channelId + '"') || e.Query.Contains(channelId)))
            .ToList();

    /// <summary>The JSON body of a journal entry.</summary>
    protected static JsonElement Body(JournalEntry entry) => JsonDocument.Parse(entry.Body).RootElement.Clone();

    protected static IReadOnlyList<string> Strings(JsonElement body, string name) =>
        body.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToList();

    protected static CancellationToken None => CancellationToken.None;
}
