using System.Text;
using System.Text.Json;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Providers.Tencent;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;
using ImAdmin.Sandbox.Tencent;
using Xunit.Abstractions;
using static ImAdmin.Engine.Tests.Tencent.TencentTestKit;

namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>Get-ImMessage history on Tencent Cloud IM: admin_getroammsg paged by LastMsgTime/LastMsgKey until Complete.</summary>
public class TencentHistoryTests(SandboxFixture sandbox, ITestOutputHelper output) : IClassFixture<SandboxFixture>
{
    private const string RoamApi = "openim/admin_getroammsg";
    private static readonly DateTimeOffset Base = DateTimeOffset.FromUnixTimeSeconds(1_750_000_000);

    private Task<ImSession> ConnectAsync() => SandboxFixture.ConnectAsync(sandbox.TencentRequest());

    /// <summary>Stores <paramref name="count"/> messages alternating between the two users, two per second from <see cref="Base"/>.</summary>
    private List<TencentStoredMessage> Store(string a, string b, int count, int textLength = 10)
    {
        var stored = new List<TencentStoredMessage>();
        for (var i = 0; i < count; i++)
        {
            var text = i.ToString("D4") + new string('x', textLength);
            var body = JsonDocument.Parse(JsonSerializer.Serialize(new[] { new { MsgType = "TIMTextElem", MsgContent = new { Text = text } } })).RootElement;
            var message = new TencentStoredMessage("openim/sendmsg", i % 2 == 0 ? a : b, i % 2 == 0 ? b : a, (uint)(1000 + i), (uint)(7000 + i),
                Base.AddSeconds(i / 2).ToUnixTimeSeconds(), body, null, []);
            sandbox.Host.Tencent.State.Store(message);
            stored.Add(message);
        }
        return stored;
    }

    private static async Task<List<ImMessage>> ReadAsync(ImSession session, TencentHistoryQuery query) =>
        await Client(session).GetHistoryAsync(query, CancellationToken.None).ToListAsync();

    [Fact]
    public async Task A_recalled_message_is_shown_as_revoked_with_read_state_and_custom_data()
    {
        using var session = await ConnectAsync();
        var ids = await ImportAsync(session, NewIds("rv", 2));
        var (a, b) = (ids[0], ids[1]);
        var keep = Text(b, "kept", from: a);
        keep.Options = new ImAdmin.Engine.Messaging.MessageOptions { Extra = "{\"tag\":1}" };
        var kept = Assert.Single(await Client(session).SendAsync([keep], CancellationToken.None)).Unwrap();
        var gone = Assert.Single(await Client(session).SendAsync([Text(b, "recalled", from: a)], CancellationToken.None)).Unwrap();
        await Client(session).WithdrawAsync(a, b, gone.MessageKey!, CancellationToken.None);
        await Client(session).ClearConversationUnreadAsync(b, a, ChannelType.Person, null, CancellationToken.None);

        var messages = await ReadAsync(session, new TencentHistoryQuery(a, b, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1)));

        var revoked = Assert.Single(messages, m => m.MessageKey == gone.MessageKey);
        var normal = Assert.Single(messages, m => m.MessageKey == kept.MessageKey);
        Assert.Equal((true, (bool?)true), (revoked.Revoked, revoked.IsPeerRead));
        Assert.Equal((false, "kept", "{\"tag\":1}", (bool?)true), (normal.Revoked, normal.Text, normal.Extra, normal.IsPeerRead));
    }

    [Fact]
    public async Task A_message_sent_with_NoSyncToSender_is_seen_only_from_the_recipients_side()
    {
        using var session = await ConnectAsync();
        var ids = await ImportAsync(session, NewIds("ns", 2));
        var row = Text(ids[1], "only theirs", from: ids[0]);
        row.Options = new ImAdmin.Engine.Messaging.MessageOptions { NoSyncToSender = true };
        await Client(session).SendAsync([row], CancellationToken.None);
        var range = (DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));

        var senderSide = await ReadAsync(session, new TencentHistoryQuery(ids[0], ids[1], range.Item1, range.Item2));
        var recipientSide = await ReadAsync(session, new TencentHistoryQuery(ids[1], ids[0], range.Item1, range.Item2));

        Assert.Empty(senderSide);
        Assert.Equal("only theirs", Assert.Single(recipientSide).Text);
    }

    [Fact]
    public async Task Pages_cut_at_13_KB_are_followed_with_LastMsgTime_and_LastMsgKey_until_Complete()
    {
        using var session = await ConnectAsync();
        var ids = await ImportAsync(session, NewIds("roam", 2));
        var stored = Store(ids[0], ids[1], 60, textLength: 500);
        var before = Calls(sandbox.Host, RoamApi).Count;

        var messages = await ReadAsync(session, new TencentHistoryQuery(ids[0], ids[1], Base, Base.AddHours(1)) { PageSize = 100 });

        var calls = Calls(sandbox.Host, RoamApi).Skip(before).Select(c => JsonDocument.Parse(c.Body).RootElement).ToList();
        output.WriteLine($"{messages.Count} messages of ~0.7 KB in {calls.Count} admin_getroammsg calls (MaxCnt 100, 13 KB cut-off)");
        Assert.InRange(calls.Count, 3, 10);
        Assert.False(calls[0].TryGetProperty("LastMsgKey", out _));
        Assert.All(calls, c => Assert.Equal(Base.ToUnixTimeSeconds(), c.GetProperty("MinTime").GetInt64()));
        Assert.All(calls, c => Assert.Equal(100, c.GetProperty("MaxCnt").GetInt32()));
        var expected = Enumerable.Reverse(stored).ToList();
        Assert.Equal(expected.Select(m => m.MsgKey), messages.Select(m => m.MessageKey));
        for (var i = 1; i < calls.Count; i++)
        {
            var key = calls[i].GetProperty("LastMsgKey").GetString();
            var previousLast = messages.Single(m => m.MessageKey == key);
            Assert.Equal(previousLast.Timestamp.ToUnixTimeSeconds(), calls[i].GetProperty("MaxTime").GetInt64());
        }

        var newest = messages[0];
        var source = stored[^1];
        // Sender and recipient as sent, whichever side reads: rows import the right way round.
        Assert.Equal((ImProvider.TencentCloud, source.From, source.To, ChannelType.Person), (newest.Provider, newest.From, newest.ChannelId, newest.ChannelType));
        Assert.Equal((long)source.MsgSeq, newest.MessageSequence);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(source.MsgTime), newest.Timestamp);
        Assert.Equal(source.Text, newest.Text);
        Assert.Equal(source.MsgBody.GetRawText(), Encoding.UTF8.GetString(newest.Payload));
    }

    [Fact]
    public async Task Only_the_time_range_is_read_and_MaxCnt_pages_by_count()
    {
        using var session = await ConnectAsync();
        var ids = await ImportAsync(session, NewIds("range", 2));
        var stored = Store(ids[0], ids[1], 20);
        var before = Calls(sandbox.Host, RoamApi).Count;

        // Seconds 2..5 hold messages 4..11.
        var messages = await ReadAsync(session, new TencentHistoryQuery(ids[1], ids[0], Base.AddSeconds(2), Base.AddSeconds(5)) { PageSize = 3 });

        Assert.Equal(stored.Skip(4).Take(8).Reverse().Select(m => m.MsgKey), messages.Select(m => m.MessageKey));
        Assert.Equal(3, Calls(sandbox.Host, RoamApi).Count - before);
        Assert.All(messages, m => Assert.Equal(m.From == ids[0] ? ids[1] : ids[0], m.ChannelId));
    }

    [Fact]
    public async Task Reading_stops_after_the_page_that_holds_what_the_caller_takes()
    {
        using var session = await ConnectAsync();
        var ids = await ImportAsync(session, NewIds("lazy", 2));
        Store(ids[0], ids[1], 30);
        var before = Calls(sandbox.Host, RoamApi).Count;

        var firstThree = await Client(session).GetHistoryAsync(new TencentHistoryQuery(ids[0], ids[1], Base, Base.AddHours(1)) { PageSize = 5 }, CancellationToken.None)
            .Take(3).ToListAsync();

        Assert.Equal(3, firstThree.Count);
        Assert.Equal(1, Calls(sandbox.Host, RoamApi).Count - before);
    }

    [Fact]
    public async Task A_sent_message_is_in_the_recipients_history()
    {
        using var session = await ConnectAsync();
        var ids = await ImportAsync(session, NewIds("sent", 2));
        await Client(session).SendAsync([Text(ids[1], "hello roaming", from: ids[0])], CancellationToken.None);

        var message = Assert.Single(await ReadAsync(session, new TencentHistoryQuery(ids[1], ids[0], DateTimeOffset.UtcNow.AddDays(-7), DateTimeOffset.UtcNow.AddMinutes(1))));

        Assert.Equal(("hello roaming", ids[0]), (message.Text, message.From));
        Assert.NotNull(message.MessageKey);
    }

    [Fact]
    public async Task A_start_after_the_end_is_refused_before_sending()
    {
        using var session = await ConnectAsync();
        var before = Calls(sandbox.Host, RoamApi).Count;

        var ex = Assert.Throws<ImInputException>(() => Client(session).GetHistoryAsync(new TencentHistoryQuery("alice", "bob", Base, Base.AddSeconds(-1)), CancellationToken.None));

        Assert.Equal("StartTime", ex.ParameterName);
        Assert.Equal(before, Calls(sandbox.Host, RoamApi).Count);
    }

    [Fact]
    public async Task An_unknown_operator_keeps_the_servers_code()
    {
        using var session = await ConnectAsync();
        var peer = (await ImportAsync(session, SandboxFixture.NewId("peer")))[0];

        var ex = await Assert.ThrowsAsync<ImException>(() => ReadAsync(session, new TencentHistoryQuery(SandboxFixture.NewId("ghost"), peer, Base, Base.AddHours(1))));

        Assert.Equal(90008, ex.ServerCode);
    }

    [Fact]
    public async Task A_page_that_says_more_without_a_new_LastMsgKey_ends_the_read_and_repeats_are_written_once()
    {
        using var session = await ConnectAsync();
        var recorded = new RecordingLog();
        sandbox.Host.TencentServer.Faults.Add(new Fault
        {
            Path = "/v4/" + RoamApi,
            Status = 200,
            Body = """{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","Complete":0,"MsgCnt":1,"LastMsgTime":1750000000,"LastMsgKey":"1_2_1750000000","MsgList":[{"From_Account":"bob","To_Account":"alice","MsgSeq":1,"MsgRandom":2,"MsgTimeStamp":1750000000,"MsgFlagBits":0,"IsPeerRead":0,"MsgKey":"1_2_1750000000","MsgBody":[{"MsgType":"TIMCustomElem","MsgContent":{"Data":"{}"}}]}]}""",
            Times = 2,
        });

        List<ImMessage> messages;
        using (Diagnostics.ImLog.Use(recorded)) messages = await ReadAsync(session, new TencentHistoryQuery("alice", "bob", Base, Base.AddHours(1)));

        var message = Assert.Single(messages);
        Assert.Null(message.Text);
        Assert.Equal("""[{"MsgType":"TIMCustomElem","MsgContent":{"Data":"{}"}}]""", Encoding.UTF8.GetString(message.Payload));
        Assert.Contains(recorded.Warnings, w => w.Contains("LastMsgKey"));
    }
}
