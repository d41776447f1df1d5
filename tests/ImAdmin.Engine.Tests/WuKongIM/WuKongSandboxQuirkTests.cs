using System.Net.Http.Json;
using System.Text.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Tests.Infrastructure;
using static ImAdmin.Engine.Tests.WuKongIM.WuKongTestData;

namespace ImAdmin.Engine.Tests.WuKongIM;

/// <summary>
/// The sandbox's message quirks that the engine deliberately avoids (limit 0, client_msg_no on POST /message, /event
/// paths): checked with raw HTTP, so tests of cmdlets elsewhere run against a faithful server.
/// </summary>
public class WuKongSandboxQuirkTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private async Task<JsonElement> PostAsync(string path, object body, int expectedStatus = 200)
    {
        using var http = new HttpClient { BaseAddress = sandbox.Host.WuKongServer.BaseUri };
        http.DefaultRequestHeaders.Add("token", sandbox.Options.WuKongToken);
        using var response = await http.PostAsJsonAsync(path.TrimStart('/'), body);
        Assert.Equal(expectedStatus, (int)response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 || text[0] is not ('{' or '[') ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<string> GroupWithAsync(int count)
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var group = SandboxFixture.NewId("grp");
        await SendTextsAsync(client, "bot", group, ChannelType.Group, count);
        return group;
    }

    private static long[] Seqs(JsonElement page) => page.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("message_seq").GetInt64()).ToArray();

    [Fact]
    public void Person_channel_ids_put_the_uid_with_the_larger_IEEE_CRC32_first()
    {
        Assert.Equal(0xCBF43926u, ImAdmin.Sandbox.WuKongIM.PersonChannel.Crc32("123456789")); // the CRC-32/IEEE check value
        var (a, b) = ("u1", "u2");
        var first = ImAdmin.Sandbox.WuKongIM.PersonChannel.Crc32(a) > ImAdmin.Sandbox.WuKongIM.PersonChannel.Crc32(b) ? a : b;
        Assert.StartsWith(first + "@", ImAdmin.Sandbox.WuKongIM.PersonChannel.InternalId(a, b));
        Assert.Equal(ImAdmin.Sandbox.WuKongIM.PersonChannel.InternalId(a, b), ImAdmin.Sandbox.WuKongIM.PersonChannel.InternalId(b, a));
    }

    [Fact]
    public async Task Messagesync_selection_and_more_follow_the_contract()
    {
        var group = await GroupWithAsync(10);
        object Body(long start, long end, int limit, int mode) => new { login_uid = "x", channel_id = group, channel_type = 2, start_message_seq = start, end_message_seq = end, limit, pull_mode = mode };

        var newest = await PostAsync("/channel/messagesync", Body(0, 0, 3, 1));
        Assert.Equal(new long[] { 8L, 9L, 10L }, Seqs(newest));
        Assert.Equal(1, newest.GetProperty("more").GetInt32());
        Assert.Equal(new long[] { 6L, 7L, 8L }, Seqs(await PostAsync("/channel/messagesync", Body(8, 2, 3, 0))));   // (end, start], newest 3
        Assert.Equal(new long[] { 3L, 4L }, Seqs(await PostAsync("/channel/messagesync", Body(3, 5, 5, 1))));       // [start, end)
        var bounded = await PostAsync("/channel/messagesync", Body(4, 2, 5, 0));
        Assert.Equal(new long[] { 3L, 4L }, Seqs(bounded));
        Assert.Equal(0, bounded.GetProperty("more").GetInt32());
        Assert.Equal((4L, 2L), (bounded.GetProperty("start_message_seq").GetInt64(), bounded.GetProperty("end_message_seq").GetInt64()));
        Assert.Empty(Seqs(await PostAsync("/channel/messagesync", Body(2, 5, 5, 0))));                 // end > start: nothing
    }

    [Fact]
    public async Task Messagesync_limit_zero_returns_nothing_except_in_pull_mode_one()
    {
        var group = await GroupWithAsync(4);
        object Body(long start, int mode) => new { login_uid = "x", channel_id = group, channel_type = 2, start_message_seq = start, limit = 0, pull_mode = mode };

        var latest = await PostAsync("/channel/messagesync", Body(0, 0));
        Assert.Empty(Seqs(latest));
        Assert.Equal(1, latest.GetProperty("more").GetInt32()); // nothing came back, yet "more"
        Assert.Empty(Seqs(await PostAsync("/channel/messagesync", Body(4, 0))));
        Assert.Equal(new long[] { 2L, 3L, 4L }, Seqs(await PostAsync("/channel/messagesync", Body(2, 1))));   // unlimited
    }

    [Fact]
    public async Task Messagesync_of_an_unknown_channel_is_the_all_zero_shape_and_needs_login_uid()
    {
        var empty = await PostAsync("/channel/messagesync", new { login_uid = "x", channel_id = SandboxFixture.NewId("none"), channel_type = 2, start_message_seq = 5, limit = 5 });
        Assert.Equal((0L, 0L, 0), (empty.GetProperty("start_message_seq").GetInt64(), empty.GetProperty("end_message_seq").GetInt64(), empty.GetProperty("more").GetInt32()));
        var refused = await PostAsync("/channel/messagesync", new { channel_id = "g", channel_type = 2, limit = 5 }, 400);
        Assert.Equal(400, refused.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task POST_message_by_client_msg_no_never_matches_and_id_only_lookups_are_refused()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var group = SandboxFixture.NewId("grp");
        var sent = (await SendTextsAsync(client, "bot", group, ChannelType.Group, 1))[0];

        var byNo = await PostAsync("/message", new { channel_id = group, channel_type = 2, client_msg_no = sent.ClientMsgNo });
        Assert.Equal(404, byNo.GetProperty("status").GetInt32());
        var sdkStyle = await PostAsync("/message", new { message_id = sent.MessageId }, 400); // what the SDK sends
        Assert.Equal("channel_id不能为空！", sdkStyle.GetProperty("msg").GetString());
        var newest = await PostAsync("/messages", new { channel_id = group, channel_type = 2, message_ids = new[] { 0 } });
        Assert.Equal(sent.MessageId, newest.GetProperty("messages")[0].GetProperty("message_id").GetInt64());
    }

    [Fact]
    public async Task Conversation_mutations_keep_the_server_quirks_the_module_works_around()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var (user, friend, stranger) = (SandboxFixture.NewId("user"), SandboxFixture.NewId("friend"), SandboxFixture.NewId("stranger"));
        await SendTextsAsync(client, friend, user, ChannelType.Person, 4);
        async Task<JsonElement> Conversation(string peer) =>
            (await PostAsync("/conversation/sync", new { uid = user, msg_count = 1 })).EnumerateArray().Single(c => c.GetProperty("channel_id").GetString() == peer);

        await PostAsync("/conversations/clearUnread", new { uid = user, channel_id = friend, channel_type = 1, message_seq = 1 });
        Assert.Equal(0, (await Conversation(friend)).GetProperty("unread").GetInt32());                   // message_seq ignored
        await PostAsync("/conversations/setUnread", new { uid = user, channel_id = friend, channel_type = 1, unread = 3 });
        Assert.Equal(0, (await Conversation(friend)).GetProperty("unread").GetInt32());                   // cannot raise
        Assert.Empty((await PostAsync("/conversation/sync", new { uid = user, msg_count = 0 })).EnumerateArray()); // msg_count 0

        await PostAsync("/conversations/setUnread", new { uid = user, channel_id = stranger, channel_type = 1, unread = 1 }); // no messages yet
        await SendTextsAsync(client, stranger, user, ChannelType.Person, 2);
        var wrapped = await Conversation(stranger);
        Assert.Equal(uint.MaxValue, wrapped.GetProperty("readed_to_msg_seq").GetUInt32());                 // the pointer wrapped
        Assert.Equal(0, wrapped.GetProperty("unread").GetInt32());                                         // so nothing counts
        var refused = await PostAsync("/conversations/delete", new { uid = user, channel_type = 1 }, 400);
        Assert.Equal("channel_id cannot be empty", refused.GetProperty("msg").GetString());
    }

    [Fact]
    public async Task Send_validation_answers_400_in_the_server_shape()
    {
        var empty = await PostAsync("/message/send", new { channel_id = "g", channel_type = 2, payload = "" }, 400);
        Assert.Equal("payload不能为空！", empty.GetProperty("msg").GetString());
        await PostAsync("/message/send", new { channel_id = "g", channel_type = 2, payload = "not base64!" }, 400);
        await PostAsync("/message/send", new { subscribers = new[] { "u1" }, payload = "aGk=" }, 400);                                // needs sync_once=1
        await PostAsync("/message/send", new { channel_id = "g", subscribers = new[] { "u1" }, header = new { sync_once = 1 }, payload = "aGk=" }, 400);
        var temp = await PostAsync("/message/send", new { subscribers = new[] { "u1" }, header = new { sync_once = 1 }, payload = "aGk=" });
        Assert.False(temp.TryGetProperty("data", out _)); // subscribers sends answer without data
        var batch = await PostAsync("/message/sendbatch", new { subscribers = new[] { "u1" }, payload = "aGk=" }, 400);
        Assert.Equal(400, batch.GetProperty("status").GetInt32());
    }
}
