using System.Text;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;
using static ImAdmin.Engine.Tests.WuKongIM.WuKongTestData;

namespace ImAdmin.Engine.Tests.WuKongIM;

public class WuKongSendTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task A_single_text_send_returns_the_enveloped_id_and_is_stored_as_a_text_payload()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var (admin, user) = (SandboxFixture.NewId("admin"), SandboxFixture.NewId("user"));

        var result = Assert.Single(await client.SendAsync([Text(admin, user, ChannelType.Person, "你好 hello")], CancellationToken.None)).Unwrap();

        Assert.True(result.Succeeded);
        Assert.True(result.MessageId > 0);
        Assert.False(string.IsNullOrEmpty(result.ClientMsgNo));
        var body = BodyOf(Assert.Single(Requests(sandbox, "/message/send", user)));
        Assert.Equal(result.ClientMsgNo, body.GetProperty("client_msg_no").GetString());
        Assert.Equal("{\"type\":1,\"content\":\"你好 hello\"}", Encoding.UTF8.GetString(body.GetProperty("payload").GetBytesFromBase64()));
        var read = Assert.Single(await client.GetMessagesByIdAsync(user, ChannelType.Person, admin, [result.MessageId!.Value], CancellationToken.None));
        Assert.Equal("你好 hello", read.Value!.Text);
        Assert.Equal(1, read.Value.MessageSequence);
    }

    [Fact]
    public async Task The_header_is_always_sent_so_red_dot_and_persistence_are_explicit()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var group = SandboxFixture.NewId("grp");

        await client.SendAsync([Text(null, group, ChannelType.Group, "default")], CancellationToken.None);
        var quiet = Text(null, group, ChannelType.Group, "quiet");
        quiet.RedDot = false;
        await client.SendAsync([quiet], CancellationToken.None);
        var transient = Text(null, group, ChannelType.Group, "transient");
        transient.Persist = false;
        var sent = Assert.Single(await client.SendAsync([transient], CancellationToken.None)).Unwrap();

        var headers = Requests(sandbox, "/message/send", group).Select(e => BodyOf(e).GetProperty("header")).ToList();
        Assert.Equal(3, headers.Count);
        Assert.Equal((0, 1, 0), (headers[0].GetProperty("no_persist").GetInt32(), headers[0].GetProperty("red_dot").GetInt32(), headers[0].GetProperty("sync_once").GetInt32()));
        Assert.Equal(0, headers[1].GetProperty("red_dot").GetInt32());
        Assert.Equal(1, headers[2].GetProperty("no_persist").GetInt32());
        Assert.True(sent.Succeeded);
        Assert.Equal(2, (await client.GetMessageSequenceAsync(group, ChannelType.Group, null, CancellationToken.None)).MessageSequence);
    }

    [Fact]
    public async Task Rows_batch_only_for_person_channels_with_a_sender_and_no_client_msg_no()
    {
        var (session, client) = await ConnectAsync(sandbox, validate: false);
        using var _ = session;
        Assert.Equal(WuKongClient.SendBatchSize, client.GetBatchLimit(Text("admin", "u1", ChannelType.Person, "x")));
        Assert.Equal(1, client.GetBatchLimit(Text(null, "u1", ChannelType.Person, "x")));
        Assert.Equal(1, client.GetBatchLimit(Text("admin", "g1", ChannelType.Group, "x")));
        var keyed = Text("admin", "u1", ChannelType.Person, "x");
        keyed.ClientMsgNo = "k1";
        Assert.Equal(1, client.GetBatchLimit(keyed));
    }

    [Fact]
    public async Task A_batch_is_one_sendbatch_object_and_fail_uids_map_to_the_failed_rows()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var admin = SandboxFixture.NewId("admin");
        var (u1, u2) = (SandboxFixture.NewId("u"), SandboxFixture.NewId("u"));
        var batch = new[] { u1, "bad@" + u2, u2 }.Select(to => Text(admin, to, ChannelType.Person, "notice")).ToList();
        batch.ForEach(r => r.Source = r.ChannelId);

        var results = await client.SendAsync(batch, CancellationToken.None);

        var call = BodyOf(Assert.Single(Requests(sandbox, "/message/sendbatch", admin)));
        Assert.Equal(System.Text.Json.JsonValueKind.Object, call.ValueKind);
        Assert.Equal([u1, "bad@" + u2, u2], call.GetProperty("subscribers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, call.GetProperty("header").GetProperty("red_dot").GetInt32());
        Assert.Equal([true, false, true], results.Select(r => r.Succeeded));
        Assert.Equal(batch, results.Select(r => r.Input));
        var failed = results[1];
        Assert.Equal(ItemOutcome.Failed, failed.Outcome);
        Assert.Equal("频道ID不合法！", failed.Error!.ServerMessage);
        Assert.Equal(batch.Where((_, i) => i != 1).Select(r => r.ChannelId), results.Values().Select(r => r.ChannelId));
        Assert.Null(results[0].Value!.MessageId); // sendbatch returns no ids
        var stored = await client.GetHistoryAsync(new MessageHistoryQuery(u1, ChannelType.Person) { UserId = admin }, CancellationToken.None).ToListAsync();
        Assert.Equal("notice", Assert.Single(stored).Text);
    }

    [Fact]
    public async Task A_batch_whose_answer_is_lost_is_not_sent_again_and_fails_as_a_whole()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var admin = SandboxFixture.NewId("admin");
        var batch = new[] { SandboxFixture.NewId("u"), SandboxFixture.NewId("u") }.Select(to => Text(admin, to, ChannelType.Person, "once")).ToList();
        Fault(sandbox, new Fault { Path = "/message/sendbatch", Status = 502, AfterProcessing = true });

        var ex = await Assert.ThrowsAsync<ImException>(() => client.SendAsync(batch, CancellationToken.None));

        Assert.Equal(502, ex.HttpStatus);
        Assert.True(ex.OutcomeUnknown);
        Assert.Contains("The outcome is unknown", ex.Message);
        Assert.Single(Requests(sandbox, "/message/sendbatch", admin));
        // The server did store the messages: a blind re-send would have duplicated them.
        Assert.Equal(1, (await client.GetMessageSequenceAsync(batch[0].ChannelId, ChannelType.Person, admin, CancellationToken.None)).MessageSequence);
    }

    [Fact]
    public async Task A_refused_single_send_keeps_the_server_message()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;

        var ex = await Assert.ThrowsAsync<ImException>(() => client.SendAsync([Text("admin", "has#hash", ChannelType.Group, "x")], CancellationToken.None));

        Assert.Equal(ImErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal(400, ex.HttpStatus);
        Assert.Equal("频道ID不合法！", ex.ServerMessage);
    }

    [Fact]
    public async Task A_channel_type_WuKongIM_lacks_is_refused_before_sending()
    {
        var (session, client) = await ConnectAsync(sandbox, validate: false);
        using var _ = session;
        var ex = await Assert.ThrowsAsync<ImInputException>(() => client.SendAsync([Text("a", "room", ChannelType.ChatRoom, "x")], CancellationToken.None));
        Assert.Equal("ChannelType", ex.ParameterName);
        Assert.DoesNotContain(sandbox.Host.WuKongServer.Journal.Entries, e => e.Body.Contains("\"room\""));
    }

    [Fact]
    public async Task A_raw_payload_is_sent_as_is_and_has_no_text()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var group = SandboxFixture.NewId("grp");
        var bytes = new byte[] { 0, 1, 2, 250 };

        var sent = Assert.Single(await client.SendAsync([new SendRequest(null, group, ChannelType.Group, MessageContent.FromPayload(bytes))], CancellationToken.None)).Unwrap();

        var read = Assert.Single(await client.GetMessagesByIdAsync(group, ChannelType.Group, null, [sent.MessageId!.Value], CancellationToken.None)).Value!;
        Assert.Equal(bytes, read.Payload);
        Assert.Null(read.Text);
        Assert.Null(read.From); // the system uid reads back as ""
    }
}
