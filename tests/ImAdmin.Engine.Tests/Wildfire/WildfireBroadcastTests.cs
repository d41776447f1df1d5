using System.Text;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;

namespace ImAdmin.Engine.Tests.Wildfire;

/// <summary>/admin/message/broadcast: one message to every user, never repeated after an answer that may mean "done".</summary>
public class WildfireBroadcastTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private const string Path = "/admin/message/broadcast";

    public void Dispose()
    {
        sandbox.Host.WildfireServer.Faults.Clear();
        sandbox.Host.WildfireServer.Journal.Clear();
    }

    [Fact]
    public async Task A_broadcast_reaches_every_user_but_the_sender_under_one_message_id()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        await WildfireTestServer.CreateUserAsync(session, SandboxFixture.NewId("b"));
        var users = sandbox.Host.Wildfire.Directory.UserIds.Count;

        var result = await WildfireTestServer.Client(session).BroadcastAsync(null, MessageContent.FromText("all hands"), redDot: false, persist: true, MessageOptions.None, CancellationToken.None);

        Assert.Equal("admin", result.From);
        Assert.Equal(users - 1, result.RecipientCount);
        var stored = sandbox.Host.Wildfire.Messages.Find(result.MessageId)!;
        Assert.Equal(("admin", 0, "admin"), (stored.Sender, stored.ConvType, stored.ConvTarget));
        Assert.Equal("all hands", stored.SearchableContent);
        Assert.Equal(1, stored.PersistFlag);
    }

    [Fact]
    public async Task A_payload_is_checked_before_anything_is_sent()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());

        var ex = await Assert.ThrowsAsync<ImInputException>(() => WildfireTestServer.Client(session).BroadcastAsync("ops",
            MessageContent.FromPayload(Encoding.UTF8.GetBytes("[1,2]")), true, true, MessageOptions.None, CancellationToken.None));

        Assert.Equal("Payload", ex.ParameterName);
        Assert.Equal(0, sandbox.Host.WildfireServer.Journal.Count(Path));
    }

    [Fact]
    public async Task A_lost_answer_is_not_repeated_because_everybody_would_get_it_twice()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        sandbox.Host.WildfireServer.Faults.Add(new Fault { Path = Path, Status = 200, AfterProcessing = true, Body = "{\"code\":249,\"msg\":\"timeout\"}" });
        var before = sandbox.Host.Wildfire.Messages.Delivered.Count;

        var ex = await Assert.ThrowsAsync<ImException>(() => WildfireTestServer.Client(session).BroadcastAsync("ops", MessageContent.FromText("once"), true, true, MessageOptions.None, CancellationToken.None));

        Assert.True(ex.OutcomeUnknown);
        Assert.Equal(1, sandbox.Host.WildfireServer.Journal.Count(Path));
        Assert.Equal(before + 1, sandbox.Host.Wildfire.Messages.Delivered.Count);
    }
}
