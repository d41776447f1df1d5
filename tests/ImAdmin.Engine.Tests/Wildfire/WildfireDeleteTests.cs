using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;

namespace ImAdmin.Engine.Tests.Wildfire;

/// <summary>delete, delete_multicast, delete_broadcast, clear_by_user and conversation/delete on a professional-edition server.</summary>
public class WildfireDeleteTests(WildfireProfessionalFixture sandbox) : IClassFixture<WildfireProfessionalFixture>, IDisposable
{
    public void Dispose()
    {
        sandbox.Host.WildfireServer.Faults.Clear();
        sandbox.Host.WildfireServer.Journal.Clear();
    }

    private string LastBody(string path) => sandbox.Host.WildfireServer.Journal.Entries.Last(e => e.Path == path).Body;

    [Fact]
    public async Task A_deleted_message_is_gone_for_everyone()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var id = await WildfireRecallTests.SendTextAsync(session, SandboxFixture.NewId("d"), "delete me");

        var result = await WildfireTestServer.Client(session).DeleteMessageAsync(id, CancellationToken.None);

        Assert.Equal(id, result.MessageId);
        Assert.Null(sandbox.Host.Wildfire.Messages.Find(id));
        Assert.Equal($"{{\"messageUid\":{id}}}", LastBody("/admin/message/delete"));
    }

    [Fact]
    public async Task Deleting_a_missing_message_is_not_found_and_a_lost_answer_is_retried()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        sandbox.Host.WildfireServer.Faults.Add(new Fault { Path = "/admin/message/delete", Status = 200, Body = "{\"code\":4,\"msg\":\"server error\"}", Times = 1 });

        var ex = await Assert.ThrowsAsync<ImException>(() => WildfireTestServer.Client(session).DeleteMessageAsync(42, CancellationToken.None));

        Assert.Equal((ImErrorKind.NotFound, 253), (ex.Kind, ex.ServerCode));
        Assert.Equal(2, sandbox.Host.WildfireServer.Journal.Count("/admin/message/delete"));
    }

    [Fact]
    public async Task A_multicast_is_deleted_for_some_receivers_and_a_broadcast_for_all()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var client = WildfireTestServer.Client(session);
        var rows = new[] { "u1", "u2" }.Select(to => new SendRequest("admin", SandboxFixture.NewId(to), ChannelType.Person, MessageContent.FromText("hi"))).ToList();
        var multicast = (await client.SendAsync(rows, CancellationToken.None))[0].Unwrap().MessageId!.Value;
        var broadcast = await client.BroadcastAsync(null, MessageContent.FromText("all"), true, true, MessageOptions.None, CancellationToken.None);

        var partial = await client.DeleteMulticastAsync(multicast, new[] { rows[1].ChannelId }, "ops", CancellationToken.None);
        await client.DeleteBroadcastAsync(broadcast.MessageId, "ops", CancellationToken.None);

        Assert.Equal(new[] { rows[1].ChannelId }, partial.Receiver);
        Assert.Equal(new[] { rows[1].ChannelId }, sandbox.Host.Wildfire.Messages.DeletedFor(multicast));
        Assert.Null(sandbox.Host.Wildfire.Messages.Find(broadcast.MessageId));
        Assert.Contains("\"operator\":\"ops\"", LastBody("/admin/message/delete_broadcast"));
    }

    [Fact]
    public async Task Clearing_sends_startTime_and_endTime_in_milliseconds()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var user = SandboxFixture.NewId("c");
        var start = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
        var end = start.AddDays(1);

        await WildfireTestServer.Client(session).ClearUserMessagesAsync(user, "demo-group", ChannelType.Group, start, end, CancellationToken.None);
        await WildfireTestServer.Client(session).ClearUserMessagesAsync(user, "bob", ChannelType.Person, null, null, CancellationToken.None);

        var clears = sandbox.Host.Wildfire.Clears.Where(c => c.UserId == user).ToList();
        Assert.Equal(new ImAdmin.Sandbox.Wildfire.WildfireClear(user, 1, "demo-group", start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds()), clears[0]);
        Assert.Equal(new ImAdmin.Sandbox.Wildfire.WildfireClear(user, 0, "bob", 0, 0), clears[1]);
        Assert.DoesNotContain("fromTime", LastBody("/admin/message/clear_by_user"));
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_refused_before_sending()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var now = DateTimeOffset.UtcNow;

        var ex = await Assert.ThrowsAsync<ImInputException>(() => WildfireTestServer.Client(session).ClearUserMessagesAsync("alice", "bob", ChannelType.Person, now, now.AddHours(-1), CancellationToken.None));

        Assert.Equal("EndTime", ex.ParameterName);
        Assert.Equal(0, sandbox.Host.WildfireServer.Journal.Count("/admin/message/clear_by_user"));
    }

    [Fact]
    public async Task A_conversation_is_deleted_for_one_user()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var user = SandboxFixture.NewId("c");

        await WildfireTestServer.Client(session).DeleteConversationAsync(user, "demo-channel", ChannelType.Broadcast, CancellationToken.None);

        Assert.Contains(new ImAdmin.Sandbox.Wildfire.WildfireConversationRef(user, 3, "demo-channel"), sandbox.Host.Wildfire.DeletedConversations);
    }
}

/// <summary>The same routes on a community server: no handler, an empty HTTP 500, reported as not supported.</summary>
public class WildfireCommunityDeleteTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    public static TheoryData<string> Calls => new() { "delete", "delete_multicast", "delete_broadcast", "clear_by_user", "conversation/delete" };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Professional_routes_are_not_supported_on_a_community_server(string call)
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var client = WildfireTestServer.Client(session);
        Func<Task> action = call switch
        {
            "delete" => () => client.DeleteMessageAsync(1, CancellationToken.None),
            "delete_multicast" => () => client.DeleteMulticastAsync(1, new[] { "bob" }, "admin", CancellationToken.None),
            "delete_broadcast" => () => client.DeleteBroadcastAsync(1, "admin", CancellationToken.None),
            "clear_by_user" => () => client.ClearUserMessagesAsync("alice", "bob", ChannelType.Person, null, null, CancellationToken.None),
            _ => () => client.DeleteConversationAsync("alice", "bob", ChannelType.Person, CancellationToken.None),
        };

        var ex = await Assert.ThrowsAsync<ImException>(action);

        Assert.Equal((ImErrorKind.NotSupported, 500), (ex.Kind, ex.HttpStatus));
        Assert.Contains("professional edition", ex.Message);
    }
}
