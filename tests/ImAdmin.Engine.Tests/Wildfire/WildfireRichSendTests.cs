using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Wildfire;

namespace ImAdmin.Engine.Tests.Wildfire;

/// <summary>Push text, mentions, extra, lifetime, toUsers and line on send, multicast and broadcast, as the server stores them.</summary>
public class WildfireRichSendTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private WildfireSandbox Server => sandbox.Host.Wildfire;

    public void Dispose() => sandbox.Host.WildfireServer.Journal.Clear();

    private static SendRequest Text(string to, ChannelType type, MessageOptions options) =>
        new(null, to, type, MessageContent.FromText("hi")) { Options = options };

    [Fact]
    public async Task A_group_send_carries_push_fields_mentions_extra_lifetime_toUsers_and_line()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var group = SandboxFixture.NewId("g");
        await WildfireTestServer.PostAsync(session, "/admin/group/create", new { @operator = "admin", group = new { group_info = new { target_id = group } } });
        var options = new MessageOptions
        {
            PushText = "You were mentioned", PushData = "{\"k\":1}", Mention = new[] { "bob" }, Extra = "{\"x\":true}",
            Lifetime = TimeSpan.FromMinutes(1.5), ToUsers = new[] { "bob", "carol" }, Line = 2,
        };

        var result = Assert.Single(await WildfireTestServer.Client(session).SendAsync(new[] { Text(group, ChannelType.Group, options) }, CancellationToken.None)).Unwrap();

        Assert.True(result.Succeeded, result.Error);
        var stored = Server.Messages.Find(result.MessageId!.Value)!;
        Assert.Equal(("You were mentioned", "{\"k\":1}", "{\"x\":true}"), ((string?)stored.Payload["pushContent"], (string?)stored.Payload["pushData"], (string?)stored.Payload["extra"]));
        Assert.Equal((1, 90), ((int)stored.Payload["mentionedType"]!, (int)stored.Payload["expireDuration"]!));
        Assert.Equal("[\"bob\"]", stored.Payload["mentionedTarget"]!.ToJsonString());
        Assert.Equal(new[] { "bob", "carol" }, stored.ToUsers);
        Assert.Equal((1, 2), (stored.ConvType, stored.Line));
    }

    [Fact]
    public async Task MentionAll_is_mentionedType_2_and_a_multicast_keeps_the_line()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var options = new MessageOptions { MentionAll = true, Line = 1 };

        var results = await WildfireTestServer.Client(session).SendAsync(new[] { Text("alice", ChannelType.Person, options), Text("bob", ChannelType.Person, options) }, CancellationToken.None);

        var stored = Server.Messages.Find(results[0].Unwrap().MessageId!.Value)!;
        Assert.Equal((2, 1), ((int)stored.Payload["mentionedType"]!, stored.Line));
        Assert.Null(stored.Payload["mentionedTarget"]);
        Assert.Equal(1, sandbox.Host.WildfireServer.Journal.Count("/admin/message/multicast"));
    }

    [Theory]
    [InlineData("PushTitle")]
    [InlineData("NoSyncToSender")]
    [InlineData("SkipCallback")]
    [InlineData("RequestReadReceipt")]
    public async Task An_option_WildfireChat_has_no_field_for_is_refused_naming_the_provider(string parameter)
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var options = parameter switch
        {
            "PushTitle" => new MessageOptions { PushTitle = "t" },
            "NoSyncToSender" => new MessageOptions { NoSyncToSender = true },
            "SkipCallback" => new MessageOptions { SkipCallback = true },
            _ => new MessageOptions { RequestReadReceipt = true },
        };

        var ex = Assert.Throws<ImCapabilityException>(() => session.Client.CheckOptions(options));

        Assert.Equal(parameter, ex.ParameterName);
        Assert.Contains("Wildfire", ex.Message);
        Assert.Contains("-" + parameter, ex.Message);
    }

    [Fact]
    public async Task Mention_and_MentionAll_together_and_toUsers_on_a_person_message_are_refused()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());

        Assert.Throws<ImInputException>(() => session.Client.CheckOptions(new MessageOptions { MentionAll = true, Mention = new[] { "a" } }));
        var result = Assert.Single(await WildfireTestServer.Client(session).SendAsync(new[] { Text("alice", ChannelType.Person, new MessageOptions { ToUsers = new[] { "bob" } }) }, CancellationToken.None));

        Assert.Equal(ItemOutcome.Failed, result.Outcome);
        Assert.IsType<ImInputException>(result.Error);
        Assert.Equal(0, sandbox.Host.WildfireServer.Journal.Count("/admin/message/send"));
    }

    [Fact]
    public async Task A_lifetime_under_a_second_rounds_up_and_zero_is_refused()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var client = WildfireTestServer.Client(session);

        var result = Assert.Single(await client.SendAsync(new[] { Text("admin", ChannelType.Person, new MessageOptions { Lifetime = TimeSpan.FromMilliseconds(10) }) }, CancellationToken.None)).Unwrap();
        var zero = Assert.Throws<ImInputException>(() => client.CheckOptions(new MessageOptions { Lifetime = TimeSpan.Zero }));

        Assert.Equal(1, (int)Server.Messages.Find(result.MessageId!.Value)!.Payload["expireDuration"]!);
        Assert.Equal("Lifetime", zero.ParameterName);
    }

    [Fact]
    public async Task A_broadcast_carries_the_options_and_refuses_toUsers()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WildfireRequest());
        var client = WildfireTestServer.Client(session);

        var result = await client.BroadcastAsync(null, MessageContent.FromText("all"), true, true, new MessageOptions { PushText = "news", Extra = "e", Line = 3 }, CancellationToken.None);
        var ex = await Assert.ThrowsAsync<ImCapabilityException>(() => client.BroadcastAsync(null, MessageContent.FromText("all"), true, true, new MessageOptions { ToUsers = new[] { "a" } }, CancellationToken.None));

        var stored = Server.Messages.Find(result.MessageId)!;
        Assert.Equal(("news", "e", 3), ((string?)stored.Payload["pushContent"], (string?)stored.Payload["extra"], stored.Line));
        Assert.Equal("ToUser", ex.ParameterName);
        Assert.Equal(1, sandbox.Host.WildfireServer.Journal.Count("/admin/message/broadcast"));
    }

    [Fact]
    public async Task Other_providers_refuse_every_option_they_do_not_honour()
    {
        using var session = await SandboxFixture.ConnectAsync(sandbox.WuKongRequest());

        var ex = Assert.Throws<ImCapabilityException>(() => session.Client.CheckOptions(new MessageOptions { PushText = "x" }));

        Assert.Equal(ImProvider.WuKongIM, ex.Provider);
        Assert.Equal("PushText", ex.ParameterName);
    }
}
