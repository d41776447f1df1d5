using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox;
using ImAdmin.Sandbox.Faults;
using static ImAdmin.Engine.Tests.WuKongIM.WuKongTestData;

namespace ImAdmin.Engine.Tests.WuKongIM;

/// <summary>
/// The server stores every /message/send again, whatever its client_msg_no, so a send whose answer was lost is never
/// repeated: it is settled by looking its client_msg_no up, or reported as an unknown outcome.
/// </summary>
public class WuKongUnknownOutcomeTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static async Task<long> StoredCountAsync(WuKongClient client, string group) =>
        (await client.GetMessageSequenceAsync(group, ChannelType.Group, null, CancellationToken.None)).MessageSequence;

    [Fact]
    public async Task The_sandbox_stores_a_resent_client_msg_no_again_as_the_server_does()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var group = SandboxFixture.NewId("grp");
        var request = Text("bot", group, ChannelType.Group, "twice");
        request.ClientMsgNo = SandboxFixture.NewId("cmn");

        var first = Assert.Single(await client.SendAsync([request], CancellationToken.None)).Unwrap();
        var again = Assert.Single(await client.SendAsync([request], CancellationToken.None)).Unwrap();

        Assert.NotEqual(first.MessageId, again.MessageId);
        Assert.Equal(2, await StoredCountAsync(client, group));
    }

    [Theory]
    [InlineData(502, false)]
    [InlineData(500, false)]
    [InlineData(0, true)]
    public async Task A_send_that_acted_before_its_answer_was_lost_is_found_by_lookup_and_not_sent_again(int status, bool reset)
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var group = SandboxFixture.NewId("grp");
        Fault(sandbox, new Fault { Path = "/message/send", Status = status, Reset = reset, AfterProcessing = true });

        var result = Assert.Single(await client.SendAsync([Text("bot", group, ChannelType.Group, "lost answer")], CancellationToken.None)).Unwrap();

        Assert.True(result.Succeeded);
        Assert.False(result.OutcomeUnknown);
        Assert.Single(Requests(sandbox, "/message/send", group));
        Assert.Single(Requests(sandbox, "/message/byclientmsgno", group));
        var history = await client.GetHistoryAsync(new MessageHistoryQuery(group, ChannelType.Group), CancellationToken.None).ToListAsync();
        Assert.Equal(result.MessageId, Assert.Single(history).MessageId);
    }

    [Fact]
    public async Task A_person_send_without_a_sender_is_looked_up_in_the_system_users_channel()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var user = SandboxFixture.NewId("user");
        Fault(sandbox, new Fault { Path = "/message/send", Status = 503, AfterProcessing = true });

        var result = Assert.Single(await client.SendAsync([Text(null, user, ChannelType.Person, "from the system")], CancellationToken.None)).Unwrap();

        Assert.True(result.Succeeded);
        Assert.Single(Requests(sandbox, "/message/send", user));
    }

    [Fact]
    public async Task A_send_that_failed_before_acting_is_not_sent_again_and_is_reported_as_unknown()
    {
        var policy = SandboxFixture.FastRetries();
        policy.SettleWindow = TimeSpan.FromMilliseconds(300);
        using var session = await SandboxFixture.ConnectAsync(sandbox.WuKongRequest(policy));
        var client = session.Require<WuKongClient>("test");
        var group = SandboxFixture.NewId("grp");
        Fault(sandbox, new Fault { Path = "/message/send", Status = 500 });

        var result = Assert.Single(await client.SendAsync([Text("bot", group, ChannelType.Group, "maybe")], CancellationToken.None));

        Assert.Equal(ItemOutcome.Unknown, result.Outcome);
        Assert.True(result.Error!.OutcomeUnknown);
        Assert.Contains("The outcome is unknown", result.Error.Message);
        var sent = BodyOf(Assert.Single(Requests(sandbox, "/message/send", group)));
        Assert.Contains(sent.GetProperty("client_msg_no").GetString()!, result.Error.Message);
        Assert.Equal(500, result.Error.HttpStatus);
        Assert.True(Requests(sandbox, "/message/byclientmsgno", group).Count >= 2, "looked up more than once within the window");
        Assert.Equal(0, await StoredCountAsync(client, group));
    }

    [Fact]
    public async Task A_throttled_send_is_retried_because_the_server_did_not_process_it()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var group = SandboxFixture.NewId("grp");
        Fault(sandbox, new Fault { Path = "/message/send", Status = 429 });

        var result = Assert.Single(await client.SendAsync([Text("bot", group, ChannelType.Group, "throttled")], CancellationToken.None)).Unwrap();

        Assert.True(result.Succeeded);
        Assert.Equal(2, Requests(sandbox, "/message/send", group).Count);
        Assert.Equal(1, await StoredCountAsync(client, group));
    }
}

/// <summary>A WuKongIM sandbox whose sends become readable 400 ms after their answer, as the server's asynchronous store.</summary>
public sealed class DelayedStoreFixture : SandboxFixture
{
    protected override SandboxOptions CreateOptions() => new() { WuKongStoreDelay = TimeSpan.FromMilliseconds(400) };
}

public class WuKongDelayedStoreTests(DelayedStoreFixture sandbox) : IClassFixture<DelayedStoreFixture>
{
    [Fact]
    public async Task An_accepted_send_that_is_not_yet_readable_is_found_within_the_settle_window()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var group = SandboxFixture.NewId("grp");
        Fault(sandbox, new Fault { Path = "/message/send", Status = 502, AfterProcessing = true });

        var result = Assert.Single(await client.SendAsync([Text("bot", group, ChannelType.Group, "slow store")], CancellationToken.None)).Unwrap();

        Assert.True(result.Succeeded);
        Assert.True(Requests(sandbox, "/message/byclientmsgno", group).Count >= 2, "the first lookup came before the message was readable");
        Assert.Single(Requests(sandbox, "/message/send", group));
    }

    [Fact]
    public async Task A_window_shorter_than_the_store_delay_leaves_the_row_unknown_and_it_is_stored_later_once()
    {
        var policy = SandboxFixture.FastRetries();
        policy.SettleWindow = TimeSpan.FromMilliseconds(100);
        using var session = await SandboxFixture.ConnectAsync(sandbox.WuKongRequest(policy));
        var client = session.Require<WuKongClient>("test");
        var group = SandboxFixture.NewId("grp");
        Fault(sandbox, new Fault { Path = "/message/send", Status = 502, AfterProcessing = true });

        var result = Assert.Single(await client.SendAsync([Text("bot", group, ChannelType.Group, "later")], CancellationToken.None));

        Assert.Equal(ItemOutcome.Unknown, result.Outcome);
        // Re-sending would have stored it twice: it does appear once the store catches up.
        var seq = 0L;
        for (var i = 0; i < 50 && seq == 0; i++)
        {
            await Task.Delay(50);
            seq = (await client.GetMessageSequenceAsync(group, ChannelType.Group, null, CancellationToken.None)).MessageSequence;
        }
        Assert.Equal(1, seq);
        Assert.Single(Requests(sandbox, "/message/send", group));
    }
}
