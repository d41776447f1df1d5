using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;
using static ImAdmin.Engine.Tests.WuKongIM.WuKongTestData;

namespace ImAdmin.Engine.Tests.WuKongIM;

public class WuKongMessageReadTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task One_id_is_read_through_POST_message_from_either_side_of_a_person_channel()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var (alice, bob) = (SandboxFixture.NewId("alice"), SandboxFixture.NewId("bob"));
        var sent = (await SendTextsAsync(client, alice, bob, ChannelType.Person, 1))[0];

        var asAlice = Assert.Single(await client.GetMessagesByIdAsync(bob, ChannelType.Person, alice, [sent.MessageId!.Value], CancellationToken.None));
        var asBob = Assert.Single(await client.GetMessagesByIdAsync(alice, ChannelType.Person, bob, [sent.MessageId.Value], CancellationToken.None));

        foreach (var lookup in new[] { asAlice, asBob })
        {
            Assert.Null(lookup.Error);
            Assert.Equal(alice, lookup.Value!.From);
            Assert.Equal("m1", lookup.Value.Text);
        }
        // The message as sent, whoever reads it: its recipient (bob for both), so rows import the right way round.
        Assert.Equal((bob, bob), (asAlice.Value!.ChannelId, asBob.Value!.ChannelId));
        var call = BodyOf(Requests(sandbox, "/message", alice)[0]);
        Assert.Equal(bob, call.GetProperty("channel_id").GetString());
        Assert.Equal(alice, call.GetProperty("login_uid").GetString());
    }

    [Fact]
    public async Task Several_ids_go_to_POST_messages_and_a_missing_one_is_reported_not_found()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var group = SandboxFixture.NewId("grp");
        var sent = await SendTextsAsync(client, "bot", group, ChannelType.Group, 3);
        long missing = 42;

        var lookups = await client.GetMessagesByIdAsync(group, ChannelType.Group, null, [sent[2].MessageId!.Value, missing, sent[0].MessageId!.Value], CancellationToken.None);

        Assert.Equal(["m3", null, "m1"], lookups.Select(l => l.Value?.Text));
        Assert.Equal(missing, lookups[1].Input);
        Assert.Equal(ImErrorKind.NotFound, lookups[1].Error!.Kind);
        Assert.Contains(group, lookups[1].Error!.Message);
        Assert.Single(Requests(sandbox, "/messages", group));
        Assert.Empty(Requests(sandbox, "/message", group));
    }

    [Fact]
    public async Task A_missing_single_id_is_the_200_status_404_quirk_reported_as_not_found()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var group = SandboxFixture.NewId("grp");

        var lookup = Assert.Single(await client.GetMessagesByIdAsync(group, ChannelType.Group, null, [987654321], CancellationToken.None));

        Assert.Null(lookup.Value);
        Assert.Equal(ImErrorKind.NotFound, lookup.Error!.Kind);
        Assert.Equal(200, Assert.Single(Requests(sandbox, "/message", group)).Status);
    }

    [Fact]
    public async Task A_message_of_another_channel_is_not_returned_although_POST_message_ignores_the_channel()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var (g1, g2) = (SandboxFixture.NewId("grp"), SandboxFixture.NewId("grp"));
        var sent = (await SendTextsAsync(client, "bot", g1, ChannelType.Group, 1))[0];

        var lookup = Assert.Single(await client.GetMessagesByIdAsync(g2, ChannelType.Group, null, [sent.MessageId!.Value], CancellationToken.None));

        Assert.Equal(ImErrorKind.NotFound, lookup.Error!.Kind);
    }

    [Fact]
    public async Task A_person_channel_read_without_the_viewing_user_fails_before_any_request()
    {
        var (session, client) = await ConnectAsync(sandbox, validate: false);
        using var _ = session;
        var peer = SandboxFixture.NewId("peer");

        var ex = await Assert.ThrowsAsync<ImInputException>(() => client.GetMessagesByIdAsync(peer, ChannelType.Person, null, [1], CancellationToken.None));

        Assert.Equal("UserId", ex.ParameterName);
        Assert.Contains("-UserId", ex.Message);
        Assert.DoesNotContain(sandbox.Host.WuKongServer.Journal.Entries, e => e.Body.Contains(peer));
    }

    [Fact]
    public async Task Client_msg_nos_are_found_by_byclientmsgno_for_one_and_by_POST_messages_for_several()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var (alice, bob) = (SandboxFixture.NewId("alice"), SandboxFixture.NewId("bob"));
        var sent = await SendTextsAsync(client, bob, alice, ChannelType.Person, 2);

        var one = Assert.Single(await client.GetMessagesByClientMsgNoAsync(bob, ChannelType.Person, alice, [sent[1].ClientMsgNo!], CancellationToken.None));
        var two = await client.GetMessagesByClientMsgNoAsync(bob, ChannelType.Person, alice, [sent[0].ClientMsgNo!, "nope", sent[1].ClientMsgNo!], CancellationToken.None);

        Assert.Equal("m2", one.Value!.Text);
        var byNo = Assert.Single(Requests(sandbox, "/message/byclientmsgno", sent[1].ClientMsgNo!));
        Assert.Contains(Uri.EscapeDataString(ImAdmin.Sandbox.WuKongIM.PersonChannel.InternalId(alice, bob)), byNo.Query); // the internal a@b id
        Assert.Equal(["m1", null, "m2"], two.Select(l => l.Value?.Text));
        Assert.Equal(ImErrorKind.NotFound, two[1].Error!.Kind);
    }

    [Fact]
    public async Task The_sequence_is_the_newest_message_seq_and_zero_for_an_unused_channel()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var (alice, bob) = (SandboxFixture.NewId("alice"), SandboxFixture.NewId("bob"));
        await SendTextsAsync(client, alice, bob, ChannelType.Person, 3);

        var seq = await client.GetMessageSequenceAsync(bob, ChannelType.Person, alice, CancellationToken.None);
        var byInternalId = await client.GetMessageSequenceAsync(ImAdmin.Sandbox.WuKongIM.PersonChannel.InternalId(alice, bob), ChannelType.Person, null, CancellationToken.None);
        var unused = await client.GetMessageSequenceAsync(SandboxFixture.NewId("grp"), ChannelType.Group, null, CancellationToken.None);

        Assert.Equal((bob, ChannelType.Person, 3L), (seq.ChannelId, seq.ChannelType, seq.MessageSequence));
        Assert.Equal(3, byInternalId.MessageSequence);
        Assert.Equal(0, unused.MessageSequence);
        await Assert.ThrowsAsync<ImInputException>(() => client.GetMessageSequenceAsync(bob, ChannelType.Person, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_server_error_keeps_the_server_code_and_message()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var group = SandboxFixture.NewId("grp");
        Fault(sandbox, new Fault { Path = "/messages", Status = 400, Body = "{\"msg\":\"频道不存在\",\"status\":400}" });

        var ex = await Assert.ThrowsAsync<ImException>(() => client.GetMessagesByIdAsync(group, ChannelType.Group, null, [1, 2], CancellationToken.None));

        Assert.Equal(ImErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal("频道不存在", ex.ServerMessage);
        Assert.Equal(400, ex.ServerCode);
    }

    [Fact]
    public async Task Ids_below_one_are_refused_since_the_server_would_answer_with_the_newest_message()
    {
        var (session, client) = await ConnectAsync(sandbox, validate: false);
        using var _ = session;
        var ex = await Assert.ThrowsAsync<ImInputException>(() => client.GetMessagesByIdAsync("g", ChannelType.Group, null, [5, 0], CancellationToken.None));
        Assert.Equal("MessageId", ex.ParameterName);
    }
}
