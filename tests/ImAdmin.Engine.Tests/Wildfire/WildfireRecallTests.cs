using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;

namespace ImAdmin.Engine.Tests.Wildfire;

/// <summary>/admin/message/recall, recall_multicast (every server) and recall_broadcast (professional edition).</summary>
public class WildfireRecallTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    public void Dispose()
    {
        sandbox.Host.WildfireServer.Faults.Clear();
        sandbox.Host.WildfireServer.Journal.Clear();
    }

    internal static async Task<long> SendTextAsync(ImSession session, string to, string text, string from = "admin")
    {
        await WildfireTestServer.CreateUserAsync(session, to);
        var request = new SendRequest(from, to, ChannelType.Person, MessageContent.FromText(text));
        var sent = await WildfireTestServer.Client(session).SendAsync(new[] { request }, CancellationToken.None);
        return sent[0].Unwrap().MessageId!.Value;
    }

    [Fact]
    public async Task A_recall_reads_the_json_string_snapshot_and_replaces_the_message()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var id = await SendTextAsync(session, SandboxFixture.NewId("r"), "oops, wrong chat");

        var result = await WildfireTestServer.Client(session).RecallAsync(id, "admin", CancellationToken.None);

        Assert.Equal((id, false, "admin", 1, "oops, wrong chat"), (result.MessageId, result.AlreadyRevoked, result.From, result.ContentType, result.Text));
        Assert.NotNull(result.Timestamp);
        Assert.True(sandbox.Host.Wildfire.Messages.Find(id)!.Recalled);
        Assert.Contains("\"operator\":\"admin\"", sandbox.Host.WildfireServer.Journal.Entries.Last(e => e.Path == "/admin/message/recall").Body);
    }

    [Fact]
    public async Task Recalling_again_is_success_with_nothing_to_report()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var id = await SendTextAsync(session, SandboxFixture.NewId("r"), "twice");
        await WildfireTestServer.Client(session).RecallAsync(id, "admin", CancellationToken.None);

        var again = await WildfireTestServer.Client(session).RecallAsync(id, "ops", CancellationToken.None);

        Assert.True(again.AlreadyRevoked);
        Assert.Null(again.Text);
    }

    [Fact]
    public async Task A_missing_message_is_not_found_with_the_servers_code()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());

        var ex = await Assert.ThrowsAsync<ImException>(() => WildfireTestServer.Client(session).RecallAsync(42, "admin", CancellationToken.None));

        Assert.Equal((ImErrorKind.NotFound, 253), (ex.Kind, ex.ServerCode));
    }

    [Fact]
    public async Task An_empty_operator_or_a_multicast_without_receivers_is_refused_before_sending()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var client = WildfireTestServer.Client(session);

        var noOperator = await Assert.ThrowsAsync<ImInputException>(() => client.RecallAsync(5, "", CancellationToken.None));
        var noReceivers = await Assert.ThrowsAsync<ImInputException>(() => client.RecallMulticastAsync(5, Array.Empty<string>(), "admin", CancellationToken.None));

        Assert.Equal(("Operator", "Receiver"), (noOperator.ParameterName, noReceivers.ParameterName));
        Assert.Equal(0, sandbox.Host.WildfireServer.Journal.Count("/admin/message/recall"));
        Assert.Equal(0, sandbox.Host.WildfireServer.Journal.Count("/admin/message/recall_multicast"));
    }

    [Fact]
    public async Task A_multicast_is_recalled_for_the_given_receivers()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var (a, b) = (SandboxFixture.NewId("m"), SandboxFixture.NewId("m"));
        var rows = new[] { a, b }.Select(to => new SendRequest("admin", to, ChannelType.Person, MessageContent.FromText("hi all"))).ToList();
        var sent = await WildfireTestServer.Client(session).SendAsync(rows, CancellationToken.None);

        var result = await WildfireTestServer.Client(session).RecallMulticastAsync(sent[0].Unwrap().MessageId!.Value, new[] { b }, "admin", CancellationToken.None);

        Assert.Equal(new[] { b }, result.Receiver);
        Assert.Equal(new[] { b }, sandbox.Host.Wildfire.Messages.RecalledFor(sent[0].Unwrap().MessageId!.Value));
    }

    [Fact]
    public async Task A_lost_answer_is_retried_because_recalling_twice_changes_nothing()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var id = await SendTextAsync(session, SandboxFixture.NewId("r"), "lost");
        sandbox.Host.WildfireServer.Faults.Add(new Fault { Path = "/admin/message/recall", Status = 200, AfterProcessing = true, Body = "{\"code\":249,\"msg\":\"timeout\"}", Times = 1 });

        var result = await WildfireTestServer.Client(session).RecallAsync(id, "admin", CancellationToken.None);

        Assert.True(result.AlreadyRevoked);
        Assert.Equal(2, sandbox.Host.WildfireServer.Journal.Count("/admin/message/recall"));
    }

    [Fact]
    public async Task Recalling_a_broadcast_on_a_community_server_is_not_supported()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());

        var ex = await Assert.ThrowsAsync<ImException>(() => WildfireTestServer.Client(session).RecallBroadcastAsync(7, "admin", CancellationToken.None));

        Assert.Equal(ImErrorKind.NotSupported, ex.Kind);
        Assert.Contains("professional edition", ex.Message);
    }
}

/// <summary>recall_broadcast on a professional-edition server.</summary>
public class WildfireProfessionalRecallTests(WildfireProfessionalFixture sandbox) : IClassFixture<WildfireProfessionalFixture>
{
    [Fact]
    public async Task A_broadcast_is_recalled_from_everyone()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var broadcast = await WildfireTestServer.Client(session).BroadcastAsync(null, MessageContent.FromText("all hands"), true, true, MessageOptions.None, CancellationToken.None);

        var result = await WildfireTestServer.Client(session).RecallBroadcastAsync(broadcast.MessageId, "admin", CancellationToken.None);

        Assert.Equal(broadcast.MessageId, result.MessageId);
        Assert.True(sandbox.Host.Wildfire.Messages.Find(broadcast.MessageId)!.Recalled);
    }

    [Fact]
    public async Task Recalling_a_missing_broadcast_is_not_found()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());

        var ex = await Assert.ThrowsAsync<ImException>(() => WildfireTestServer.Client(session).RecallBroadcastAsync(99, "admin", CancellationToken.None));

        Assert.Equal((ImErrorKind.NotFound, 253), (ex.Kind, ex.ServerCode));
    }
}
