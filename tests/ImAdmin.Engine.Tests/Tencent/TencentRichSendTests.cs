using System.Text;
using System.Text.Json;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using static ImAdmin.Engine.Tests.Tencent.TencentTestKit;

namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>Send options, whole MsgBody payloads and the limits checked before sending.</summary>
public class TencentRichSendTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private Task<ImSession> ConnectAsync() => SandboxFixture.ConnectAsync(sandbox.TencentRequest());

    private static SendRequest Payload(string to, string json, ChannelType type = ChannelType.Person) =>
        new(null, to, type, MessageContent.FromPayload(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public async Task Every_one_to_one_option_reaches_the_server()
    {
        using var session = await ConnectAsync();
        var to = (await ImportAsync(session, SandboxFixture.NewId("to")))[0];
        var row = Text(to, "hi");
        row.Options = new MessageOptions
        {
            PushTitle = "Title", PushText = "Body", PushData = "{\"k\":1}", Lifetime = TimeSpan.FromHours(1), Extra = "{\"x\":2}",
            NoSyncToSender = true, SkipCallback = true, RequestReadReceipt = true,
        };

        Client(session).CheckSend(row);
        var result = Assert.Single(await Client(session).SendAsync(new[] { row }, CancellationToken.None)).Unwrap();

        Assert.True(result.Succeeded);
        Assert.NotNull(result.Timestamp);
        var stored = Assert.Single(sandbox.Host.Tencent.State.MessagesTo(to));
        Assert.Equal((3600, "{\"x\":2}", (int?)2, true), (stored.MsgLifeTime, stored.CloudCustomData, stored.SyncOtherMachine, stored.NeedReadReceipt));
        Assert.Equal(new[] { "ForbidBeforeSendMsgCallback", "ForbidAfterSendMsgCallback" }, stored.ForbidCallbackControl);
        var push = stored.OfflinePushInfo!.Value;
        Assert.Equal(("Title", "Body", "{\"k\":1}", 0), (push.GetString("Title"), push.GetString("Desc"), push.GetString("Ext"), push.GetInt("PushFlag")));
    }

    [Fact]
    public async Task Shared_options_ride_a_batchsendmsg_without_ForbidCallbackControl()
    {
        using var session = await ConnectAsync();
        var ids = await ImportAsync(session, NewIds("b", 3));
        var options = new MessageOptions { PushTitle = "Notice", Extra = "e", SkipCallback = true };
        var rows = ids.Select(id => { var r = Text(id, "to all"); r.Options = options; return r; }).ToArray();

        var results = await Client(session).SendAsync(rows, CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded));
        var body = JsonDocument.Parse(Calls(sandbox.Host, "openim/batchsendmsg").Last().Body).RootElement;
        Assert.Equal(("Notice", "e"), (body.GetProperty("OfflinePushInfo").GetString("Title"), body.GetString("CloudCustomData")));
        Assert.False(body.TryGetProperty("ForbidCallbackControl", out _));
    }

    [Theory]
    [InlineData(ChannelType.Person, "Mention")]
    [InlineData(ChannelType.Group, "Lifetime")]
    [InlineData(ChannelType.Group, "NoSyncToSender")]
    [InlineData(ChannelType.Person, "Line")]
    public async Task An_option_the_channel_type_has_no_field_for_is_refused_naming_the_provider(ChannelType type, string parameter)
    {
        using var session = await ConnectAsync();
        var row = new SendRequest(null, "someone", type, MessageContent.FromText("x"))
        {
            Options = parameter switch
            {
                "Mention" => new MessageOptions { Mention = new[] { "bob" } },
                "Lifetime" => new MessageOptions { Lifetime = TimeSpan.FromMinutes(1) },
                "NoSyncToSender" => new MessageOptions { NoSyncToSender = true },
                _ => new MessageOptions { Line = 1 },
            },
        };

        var error = Assert.Throws<ImCapabilityException>(() => Client(session).CheckSend(row));

        Assert.Equal(parameter, error.ParameterName);
        Assert.Contains("TencentCloud", error.Message);
    }

    [Fact]
    public async Task A_payload_MsgBody_with_several_elements_is_sent_as_it_is()
    {
        using var session = await ConnectAsync();
        var to = (await ImportAsync(session, SandboxFixture.NewId("img")))[0];
        const string body = """[{"MsgType":"TIMImageElem","MsgContent":{"UUID":"u1","ImageFormat":1,"ImageInfoArray":[{"Type":1,"Size":10,"Width":2,"Height":2,"URL":"https://x/1.jpg"}]}},{"MsgType":"TIMTextElem","MsgContent":{"Text":"caption"}}]""";

        Assert.True(Assert.Single(await Client(session).SendAsync(new[] { Payload(to, body) }, CancellationToken.None)).Unwrap().Succeeded);

        var stored = Assert.Single(sandbox.Host.Tencent.State.MessagesTo(to));
        Assert.Equal(body, stored.MsgBody.GetRawText());
    }

    [Theory]
    [InlineData("""[{"MsgType":"TIMImageElem","MsgContent":{"ImageFormat":1,"ImageInfoArray":[{"Type":1,"Url":"https://x"}]}}]""", "'Url'", "'URL'")]
    [InlineData("""[{"MsgType":"TIMFileElem","MsgContent":{"Url":"https://x","FileName":"a","DownloadFlag":2}}]""", "'DownloadFlag'", "'Download_Flag'")]
    [InlineData("""[{"MsgType":"TIMTextElem","MsgContent":{"text":"lower"}}]""", "'text'", "'Text'")]
    [InlineData("""[{"MsgType":"TIMCustomElem","MsgContent":{}},{"MsgType":"TIMCustomElem","MsgContent":{}}]""", "at most one TIMCustomElem", "")]
    [InlineData("""[{"MsgType":"TIMPictureElem","MsgContent":{}}]""", "TIMPictureElem", "TIMImageElem")]
    [InlineData("""[{"MsgType":"TIMLocationElem","MsgContent":{"Latitude":"1","Longitude":2}}]""", "Latitude must be a number", "")]
    public async Task A_bad_MsgBody_field_is_named_and_nothing_is_sent(string payload, string named, string hint)
    {
        using var session = await ConnectAsync();
        var before = sandbox.Host.TencentServer.Journal.Entries.Count;

        var error = Assert.Throws<ImInputException>(() => Client(session).CheckSend(Payload("alice", payload)));

        Assert.Equal("Payload", error.ParameterName);
        Assert.Contains(named, error.Message);
        Assert.Contains(hint, error.Message);
        Assert.Equal(before, sandbox.Host.TencentServer.Journal.Entries.Count);
    }

    [Fact]
    public async Task A_payload_that_is_not_a_MsgBody_is_the_Data_of_one_custom_element()
    {
        using var session = await ConnectAsync();
        var to = (await ImportAsync(session, SandboxFixture.NewId("c")))[0];

        await Client(session).SendAsync(new[] { Payload(to, """{"order":42}""") }, CancellationToken.None);

        var element = Assert.Single(Assert.Single(sandbox.Host.Tencent.State.MessagesTo(to)).MsgBody.EnumerateArray().ToList());
        Assert.Equal(("TIMCustomElem", """{"order":42}"""), (element.GetString("MsgType"), element.GetProperty("MsgContent").GetString("Data")));
    }

    [Fact]
    public async Task A_message_over_12_KB_is_refused_before_sending_and_the_sandbox_refuses_it_too()
    {
        using var session = await ConnectAsync();
        var text = new string('x', 12 * 1024);

        var error = Assert.Throws<ImInputException>(() => Client(session).CheckSend(Text("alice", text)));
        var raw = await RawCallAsync(sandbox, "openim/sendmsg", JsonSerializer.Serialize(new { To_Account = "alice", MsgRandom = 1, MsgBody = new[] { new { MsgType = "TIMTextElem", MsgContent = new { Text = text } } } }));

        Assert.Equal("Text", error.ParameterName);
        Assert.Contains("12 KB", error.Message);
        Assert.Equal(80002, raw.GetInt("ErrorCode"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(604801)]
    public async Task A_lifetime_outside_7_days_is_refused_before_sending(int seconds)
    {
        using var session = await ConnectAsync();
        var row = Text("alice", "x");
        row.Options = new MessageOptions { Lifetime = TimeSpan.FromSeconds(seconds) };

        Assert.Equal("Lifetime", Assert.Throws<ImInputException>(() => Client(session).CheckSend(row)).ParameterName);
    }

    [Fact]
    public async Task Group_sends_carry_mentions_push_read_receipt_and_extra_and_answer_time_and_sequence()
    {
        using var session = await ConnectAsync();
        var bob = (await ImportAsync(session, SandboxFixture.NewId("bob")))[0];
        var group = SandboxFixture.NewId("g");
        await Client(session).CreateGroupAsync(new GroupSpec(group) { Name = "g", Members = new[] { bob } }, CancellationToken.None);
        var row = new SendRequest(null, group, ChannelType.Group, MessageContent.FromText("@all @bob hello"))
        {
            Options = new MessageOptions { MentionAll = true, Mention = new[] { bob }, PushTitle = "T", RequestReadReceipt = true, Extra = "x", SkipCallback = true },
        };

        Client(session).CheckSend(row);
        var result = Assert.Single(await Client(session).SendAsync(new[] { row }, CancellationToken.None)).Unwrap();

        var stored = Assert.Single(sandbox.Host.Tencent.State.GroupMessages(group));
        Assert.Equal((stored.MsgSeq, DateTimeOffset.FromUnixTimeSeconds(stored.MsgTime)), ((uint)result.MessageSequence!, result.Timestamp!.Value));
        Assert.Equal("""[{"GroupAtAllFlag":1},{"GroupAtAllFlag":0,"GroupAt_Account":"BOB"}]""".Replace("BOB", bob), stored.GroupAtInfo!.Value.GetRawText());
        Assert.Equal((true, "x", "T"), (stored.NeedReadReceipt, stored.CloudCustomData, stored.OfflinePushInfo!.Value.GetString("Title")));
        Assert.Equal(2, stored.ForbidCallbackControl.Length);
    }
}
