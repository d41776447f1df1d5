using System.Text;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;

namespace ImAdmin.Engine.Tests.Wildfire;

/// <summary>Get-ImMessage -MessageId on WildfireChat: /admin/message/get_one per id, checked against the channel asked for.</summary>
public class WildfireGetMessageTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    public void Dispose()
    {
        sandbox.Host.WildfireServer.Faults.Clear();
        sandbox.Host.WildfireServer.Journal.Clear();
    }

    [Fact]
    public async Task A_text_message_reads_as_an_ImMessage_from_either_side_of_the_person_conversation()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var peer = SandboxFixture.NewId("g");
        var id = await WildfireRecallTests.SendTextAsync(session, peer, "hello there");
        var client = WildfireTestServer.Client(session);

        var byTarget = await client.GetMessagesByIdAsync(peer, ChannelType.Person, null, new[] { id }, CancellationToken.None);
        var bySender = await client.GetMessagesByIdAsync("admin", ChannelType.Person, peer, new[] { id }, CancellationToken.None);

        var message = byTarget.Single().Value!;
        Assert.Equal((id, "admin", peer, ChannelType.Person, "hello there"), (message.MessageId, message.From, message.ChannelId, message.ChannelType, message.Text));
        Assert.Equal(sandbox.Host.Wildfire.Messages.Find(id)!.Timestamp, message.Timestamp.ToUnixTimeMilliseconds());
        Assert.Contains("\"searchableContent\":\"hello there\"", Encoding.UTF8.GetString(message.Payload));
        Assert.Equal(id, bySender.Single().Value!.MessageId);
    }

    [Fact]
    public async Task A_custom_payload_keeps_its_json_and_has_no_text()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var peer = SandboxFixture.NewId("g");
        await WildfireTestServer.CreateUserAsync(session, peer);
        var content = MessageContent.FromPayload(Encoding.UTF8.GetBytes("{\"type\":1001,\"content\":\"card\"}"));
        var sent = await WildfireTestServer.Client(session).SendAsync(new[] { new SendRequest("admin", peer, ChannelType.Person, content) }, CancellationToken.None);

        var lookup = (await WildfireTestServer.Client(session).GetMessagesByIdAsync(peer, ChannelType.Person, null, new[] { sent[0].Unwrap().MessageId!.Value }, CancellationToken.None)).Single();

        Assert.Null(lookup.Value!.Text);
        Assert.Contains("\"content\":\"card\"", Encoding.UTF8.GetString(lookup.Value.Payload));
    }

    [Fact]
    public async Task Missing_ids_and_messages_of_other_channels_are_not_found_per_id()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var peer = SandboxFixture.NewId("g");
        var id = await WildfireRecallTests.SendTextAsync(session, peer, "private");

        var lookups = await WildfireTestServer.Client(session).GetMessagesByIdAsync("somebody-else", ChannelType.Person, null, new[] { id, 42L }, CancellationToken.None);

        Assert.All(lookups, l => Assert.Equal(ImErrorKind.NotFound, l.Error!.Kind));
        Assert.Equal(new[] { id, 42L }, lookups.Select(l => (long)l.Input));
        Assert.Equal(253, lookups[1].Error!.ServerCode);
    }

    [Fact]
    public async Task An_id_below_one_is_refused_before_anything_is_sent()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());

        var ex = await Assert.ThrowsAsync<ImInputException>(() => WildfireTestServer.Client(session).GetMessagesByIdAsync("alice", ChannelType.Person, null, new[] { 5L, 0L }, CancellationToken.None));

        Assert.Equal("MessageId", ex.ParameterName);
        Assert.Equal(0, sandbox.Host.WildfireServer.Journal.Count("/admin/message/get_one"));
    }

    [Fact]
    public async Task A_server_failure_is_not_mistaken_for_a_missing_message()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        sandbox.Host.WildfireServer.Faults.Add(new Fault { Path = "/admin/message/get_one", Status = 500, Body = "java.lang.NullPointerException" });

        var ex = await Assert.ThrowsAsync<ImException>(() => WildfireTestServer.Client(session).GetMessagesByIdAsync("alice", ChannelType.Person, null, new[] { 5L }, CancellationToken.None));

        Assert.Equal((ImErrorKind.ServerError, 500), (ex.Kind, ex.HttpStatus));
    }
}
