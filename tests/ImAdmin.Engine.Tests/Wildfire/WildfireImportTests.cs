using System.Text;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;

namespace ImAdmin.Engine.Tests.Wildfire;

/// <summary>/admin/message/import: history with its original times, never repeated after an answer that may mean "done".</summary>
public class WildfireImportTests(WildfireProfessionalFixture sandbox) : IClassFixture<WildfireProfessionalFixture>, IDisposable
{
    private const string Path = "/admin/message/import";

    public void Dispose()
    {
        sandbox.Host.WildfireServer.Faults.Clear();
        sandbox.Host.WildfireServer.Journal.Clear();
    }

    private static MessageImport Row(string from, string to, ChannelType type, string text, DateTimeOffset at, string[]? receivers = null) =>
        new(new SendRequest(from, to, type, MessageContent.FromText(text)), at, receivers);

    [Fact]
    public async Task Messages_are_stored_with_their_original_times_and_receivers()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var peer = SandboxFixture.NewId("i");
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_600_000_000_000);
        var before = sandbox.Host.Wildfire.Messages.Delivered.Count;

        var results = await WildfireTestServer.Client(session).ImportAsync(new[]
        {
            Row("alice", peer, ChannelType.Person, "old one", at),
            Row("bob", "demo-group", ChannelType.Group, "old two", at.AddMinutes(1), new[] { "alice" }),
        }, CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded));
        var stored = sandbox.Host.Wildfire.Messages.Delivered.Skip(before).ToList();
        Assert.Equal(("alice", 0, peer, "old one", at.ToUnixTimeMilliseconds()), (stored[0].Sender, stored[0].ConvType, stored[0].ConvTarget, stored[0].SearchableContent, stored[0].Timestamp));
        Assert.Equal(new[] { "alice" }, stored[1].ToUsers);
        Assert.Equal(1, sandbox.Host.WildfireServer.Journal.Count(Path));
    }

    [Fact]
    public async Task A_lost_answer_is_not_repeated_because_history_would_be_stored_twice()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        sandbox.Host.WildfireServer.Faults.Add(new Fault { Path = Path, Status = 200, AfterProcessing = true, Body = "{\"code\":249,\"msg\":\"timeout\"}" });

        var ex = await Assert.ThrowsAsync<ImException>(() => WildfireTestServer.Client(session).ImportAsync(new[] { Row("alice", "bob", ChannelType.Person, "x", DateTimeOffset.UtcNow) }, CancellationToken.None));

        Assert.True(ex.OutcomeUnknown);
        Assert.Equal(1, sandbox.Host.WildfireServer.Journal.Count(Path));
    }

    [Fact]
    public void A_row_with_a_client_sdk_payload_or_a_channel_type_wildfire_lacks_is_refused_naming_the_parameter()
    {
        var payload = MessageContent.FromPayload(Encoding.UTF8.GetBytes("{\"binaryContent\":\"AA==\",\"type\":3}"));

        var badPayload = Assert.Throws<ImInputException>(() => ImAdmin.Engine.Providers.Wildfire.WildfireClient.CheckRow(new SendRequest("a", "b", ChannelType.Person, payload)));
        var badType = Assert.Throws<ImCapabilityException>(() => ImAdmin.Engine.Providers.Wildfire.WildfireClient.CheckRow(new SendRequest("a", "b", ChannelType.Community, MessageContent.FromText("x"))));

        Assert.Equal("Payload", badPayload.ParameterName);
        Assert.Contains("base64edData", badPayload.Message);
        Assert.Equal("ChannelType", badType.ParameterName);
    }
}

/// <summary>import on a community server: no handler, reported as not supported.</summary>
public class WildfireCommunityImportTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Import_is_not_supported_on_a_community_server()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var row = new MessageImport(new SendRequest("alice", "bob", ChannelType.Person, MessageContent.FromText("x")), DateTimeOffset.UtcNow, null);

        var ex = await Assert.ThrowsAsync<ImException>(() => ImAdmin.Engine.Tests.Wildfire.WildfireTestServer.Client(session).ImportAsync(new[] { row }, CancellationToken.None));

        Assert.Equal(ImErrorKind.NotSupported, ex.Kind);
    }
}
