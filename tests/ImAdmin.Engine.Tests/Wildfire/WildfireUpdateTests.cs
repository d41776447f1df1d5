using System.Text;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;

namespace ImAdmin.Engine.Tests.Wildfire;

/// <summary>update, conv_read and delivery on a professional-edition server.</summary>
public class WildfireUpdateTests(WildfireProfessionalFixture sandbox) : IClassFixture<WildfireProfessionalFixture>, IDisposable
{
    private const string UpdatePath = "/admin/message/update";

    public void Dispose()
    {
        sandbox.Host.WildfireServer.Faults.Clear();
        sandbox.Host.WildfireServer.Journal.Clear();
    }

    [Fact]
    public async Task An_update_replaces_the_payload_with_operator_distribute_and_updateTimestamp()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var id = await WildfireRecallTests.SendTextAsync(session, SandboxFixture.NewId("u"), "typo");

        var result = await WildfireTestServer.Client(session).UpdateMessageAsync(id, MessageContent.FromText("fixed"), distribute: true, "ops", CancellationToken.None);

        Assert.Equal((id, "fixed", true), (result.MessageId, result.Text, result.Distributed));
        Assert.Equal("fixed", sandbox.Host.Wildfire.Messages.Find(id)!.SearchableContent);
        var body = sandbox.Host.WildfireServer.Journal.Entries.Last(e => e.Path == UpdatePath).Body;
        Assert.Contains("\"operator\":\"ops\"", body);
        Assert.Contains("\"distribute\":1", body);
        Assert.Contains("\"updateTimestamp\":0", body);
    }

    [Fact]
    public async Task A_distributed_update_whose_answer_is_lost_is_not_repeated_but_a_server_only_one_is()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var id = await WildfireRecallTests.SendTextAsync(session, SandboxFixture.NewId("u"), "v1");
        var client = WildfireTestServer.Client(session);
        var timeout = new Fault { Path = UpdatePath, Status = 200, AfterProcessing = true, Body = "{\"code\":249,\"msg\":\"timeout\"}", Times = 1 };

        sandbox.Host.WildfireServer.Faults.Add(timeout);
        var ex = await Assert.ThrowsAsync<ImException>(() => client.UpdateMessageAsync(id, MessageContent.FromText("v2"), true, "admin", CancellationToken.None));
        sandbox.Host.WildfireServer.Faults.Add(timeout);
        await client.UpdateMessageAsync(id, MessageContent.FromText("v3"), false, "admin", CancellationToken.None);

        Assert.True(ex.OutcomeUnknown);
        Assert.Equal(3, sandbox.Host.WildfireServer.Journal.Count(UpdatePath));
        Assert.Contains("\"distribute\":0", sandbox.Host.WildfireServer.Journal.Entries.Last(e => e.Path == UpdatePath).Body);
    }

    [Fact]
    public async Task A_bad_payload_is_refused_before_sending_and_a_missing_message_is_not_found()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var client = WildfireTestServer.Client(session);

        var bad = await Assert.ThrowsAsync<ImInputException>(() => client.UpdateMessageAsync(5, MessageContent.FromPayload(Encoding.UTF8.GetBytes("not json")), true, "admin", CancellationToken.None));
        Assert.Equal(0, sandbox.Host.WildfireServer.Journal.Count(UpdatePath));
        var missing = await Assert.ThrowsAsync<ImException>(() => client.UpdateMessageAsync(42, MessageContent.FromText("x"), true, "admin", CancellationToken.None));

        Assert.Equal("Payload", bad.ParameterName);
        Assert.Equal((ImErrorKind.NotFound, 253), (missing.Kind, missing.ServerCode));
    }

    [Fact]
    public async Task A_read_time_is_asked_with_conversationType_and_type_and_zero_means_never()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var user = SandboxFixture.NewId("r");
        var readAt = DateTimeOffset.FromUnixTimeMilliseconds(1_767_225_600_000);
        sandbox.Host.Wildfire.ReadTimes[(user, 1, "demo-group", 0)] = readAt.ToUnixTimeMilliseconds();
        var client = WildfireTestServer.Client(session);

        var read = await client.GetReadReceiptAsync(user, "demo-group", ChannelType.Group, CancellationToken.None);
        var never = await client.GetReadReceiptAsync(user, "bob", ChannelType.Person, CancellationToken.None);

        Assert.Equal((user, "demo-group", ChannelType.Group, (DateTimeOffset?)readAt), (read.UserId, read.ChannelId, read.ChannelType, read.ReadUntil));
        Assert.Null(never.ReadUntil);
        var body = sandbox.Host.WildfireServer.Journal.Entries.Last(e => e.Path == "/admin/message/conv_read").Body;
        Assert.Contains("\"conversationType\":0", body);
        Assert.Contains("\"type\":0", body);
        Assert.Contains("\"line\":0", body);
    }

    [Fact]
    public async Task A_delivery_time_is_read_per_user()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var user = SandboxFixture.NewId("d");
        sandbox.Host.Wildfire.DeliveryTimes[user] = 1_767_225_600_000;

        var status = await WildfireTestServer.Client(session).GetDeliveryStatusAsync(user, CancellationToken.None);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_767_225_600_000), status.DeliveredUntil);
    }
}

/// <summary>update, conv_read and delivery on a community server: no handler, reported as not supported.</summary>
public class WildfireCommunityUpdateTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Update_read_and_delivery_times_are_not_supported_on_a_community_server()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var client = WildfireTestServer.Client(session);

        var errors = new[]
        {
            await Assert.ThrowsAsync<ImException>(() => client.UpdateMessageAsync(1, MessageContent.FromText("x"), true, "admin", CancellationToken.None)),
            await Assert.ThrowsAsync<ImException>(() => client.GetReadReceiptAsync("alice", "bob", ChannelType.Person, CancellationToken.None)),
            await Assert.ThrowsAsync<ImException>(() => client.GetDeliveryStatusAsync("alice", CancellationToken.None)),
        };

        Assert.All(errors, e => Assert.Equal(ImErrorKind.NotSupported, e.Kind));
    }
}
