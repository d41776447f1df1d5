using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Webhooks;

namespace ImAdmin.Engine.Tests.Webhooks;

/// <summary>Seed 003 webhooks, read as docs/server-behaviour/wukongim.md, 'Webhooks' says the server really sends them.</summary>
public sealed class WuKongWebhookParsingTests
{
    private static WebhookParseResult Parse(string body, string? eventName = null, string? query = null) =>
        WebhookParser.Parse(new WebhookRequest(ImProvider.WuKongIM, body, eventName, WebhookQuery.Parse(query)), new WebhookParseOptions());

    private static string Base64Text(string text) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new { type = 1, content = text }));

    private static string Message(long id, string text, string extra = "") =>
        $$"""{"header":{"no_persist":0,"red_dot":1,"sync_once":0},"setting":0,"message_id":{{id}},"message_idstr":"{{id}}","client_msg_no":"c{{id}}","message_seq":{{id % 100}},"from_uid":"alice","channel_id":"bob","channel_type":1,"timestamp":1700000000,"payload":"{{Base64Text(text)}}"{{extra}}}""";

    [Fact]
    public void Online_status_entries_of_the_seed_example_become_one_event_each()
    {
        var result = Parse("""["uid1-1-0-1001-2-4","uid2-0-1-1002-1-2"]""", query: "?event=user.onlinestatus");

        Assert.Empty(result.Errors);
        Assert.Equal("user.onlinestatus", result.Event);
        var events = result.Events.Cast<WuKongOnlineStatusEvent>().ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal(("uid1", DeviceFlag.Web, false, 1001L, 2, 4), (events[0].UserId, events[0].DeviceFlag, events[0].Online, events[0].ConnectionId, events[0].DeviceOnlineCount, events[0].TotalOnlineCount));
        Assert.Equal(("uid2", DeviceFlag.App, true, 1002L, 1, 2), (events[1].UserId, events[1].DeviceFlag, events[1].Online, events[1].ConnectionId, events[1].DeviceOnlineCount, events[1].TotalOnlineCount));
        Assert.All(events, e => Assert.Equal(ImProvider.WuKongIM, e.Provider));
    }

    [Fact]
    public void User_ids_with_hyphens_are_read_from_the_right()
    {
        var result = Parse("""["user-with-3-hyphens-2-1-77-1-3","-lead-0-1-5-1-1"]""");

        Assert.Empty(result.Errors);
        var events = result.Events.Cast<WuKongOnlineStatusEvent>().ToList();
        Assert.Equal("user-with-3-hyphens", events[0].UserId);
        Assert.Equal(DeviceFlag.PC, events[0].DeviceFlag);
        Assert.True(events[0].Online);
        Assert.Equal(77, events[0].ConnectionId);
        Assert.Equal("-lead", events[1].UserId);
    }

    [Fact]
    public void A_bad_entry_is_an_error_that_quotes_it_and_the_good_entries_still_come_through()
    {
        var result = Parse("""["ok-1-1-9-1-1","uid-x-1-9-1-1","1-1-9-1-1",42]""", "user.onlinestatus");

        Assert.Single(result.Events);
        Assert.Equal(3, result.Errors.Count);
        Assert.Contains("\"uid-x-1-9-1-1\"", result.Errors[0].Message);
        Assert.Contains("entry 2", result.Errors[1].Message);
        Assert.Contains("not strings", result.Errors[2].Message);
        Assert.All(result.Errors, e => Assert.Equal(WebhookCheck.Body, e.Check));
    }

    [Fact]
    public void Notify_batch_gives_typed_messages_with_decoded_payload_and_text()
    {
        var result = Parse($"[{Message(101, "hi")},{Message(102, "there")}]", query: "event=msg.notify");

        Assert.Empty(result.Errors);
        var messages = result.Events.Cast<WuKongMessageEvent>().ToList();
        Assert.Equal(new long[] { 101, 102 }, messages.Select(m => m.MessageId));
        var first = messages[0];
        Assert.Equal("msg.notify", first.Event);
        Assert.Equal(1, first.MessageSequence);
        Assert.Equal("c101", first.ClientMsgNo);
        Assert.Equal("alice", first.From);
        Assert.Equal("bob", first.ChannelId);
        Assert.Equal(ChannelType.Person, first.ChannelType);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), first.Timestamp);
        Assert.Equal("""{"type":1,"content":"hi"}""", Encoding.UTF8.GetString(first.Payload));
        Assert.Equal("hi", first.Text);
        Assert.True(first.RedDot);
        Assert.False(first.NoPersist);
        Assert.Empty(first.ToUserIds);
        Assert.IsAssignableFrom<ImMessage>(first);
    }

    [Fact]
    public void A_non_text_payload_has_no_text_but_keeps_its_bytes()
    {
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"type":2,"url":"https://x/y.png"}"""));
        var result = Parse($$"""[{"message_id":5,"channel_id":"g1","channel_type":2,"timestamp":1,"payload":"{{payload}}"}]""", "msg.notify");

        var message = Assert.IsType<WuKongMessageEvent>(Assert.Single(result.Events));
        Assert.Null(message.Text);
        Assert.Equal(ChannelType.Group, message.ChannelType);
        Assert.StartsWith("{\"type\":2", Encoding.UTF8.GetString(message.Payload));
    }

    [Fact]
    public void Offline_is_one_object_with_its_recipients()
    {
        var result = Parse(Message(7, "push me", ""","to_uids":["u1","u-2"],"source_id":1001"""), query: "event=msg.offline");

        var message = Assert.IsType<WuKongMessageEvent>(Assert.Single(result.Events));
        Assert.Equal("msg.offline", message.Event);
        Assert.Equal(new[] { "u1", "u-2" }, message.ToUserIds);
        Assert.Equal(1001, message.SourceNodeId);
        Assert.Equal("push me", message.Text);
    }

    [Fact]
    public void Gzip_compressed_recipients_are_decoded()
    {
        var recipients = Enumerable.Range(1, 500).Select(i => $"member-{i}").ToArray();
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal)) gzip.Write(JsonSerializer.SerializeToUtf8Bytes(recipients));
        var compressed = Convert.ToBase64String(buffer.ToArray());

        var result = Parse(Message(8, "big group", $$""","to_uids":[],"compress":"gzip","compress_to_uids":"{{compressed}}" """), "msg.offline");

        var message = Assert.IsType<WuKongMessageEvent>(Assert.Single(result.Events));
        Assert.Equal(recipients, message.ToUserIds);
    }

    [Fact]
    public void Recipients_that_are_not_gzip_are_an_error_naming_the_message()
    {
        var result = Parse(Message(9, "x", ""","compress":"gzip","compress_to_uids":"bm90IGd6aXA=" """), "msg.offline");

        Assert.Empty(result.Events);
        var error = Assert.Single(result.Errors);
        Assert.Contains("Message 9", error.Message);
        Assert.Contains("compress_to_uids", error.Message);
        Assert.True(result.Unreadable);
    }

    [Fact]
    public void The_seed_docs_array_form_of_offline_is_accepted_too()
    {
        var result = Parse($"[{Message(10, "a", ",\"to_uids\":[\"x\"]")},{Message(11, "b", ",\"to_uids\":[\"y\"]")}]");

        Assert.Equal("msg.offline", result.Event);
        Assert.Equal(new[] { "x", "y" }, result.Events.Cast<WuKongMessageEvent>().SelectMany(m => m.ToUserIds));
    }

    [Theory]
    [InlineData("""["u-0-1-1-1-1"]""", "user.onlinestatus")]
    [InlineData("""[{"message_id":1,"payload":""}]""", "msg.notify")]
    [InlineData("""{"message_id":1,"to_uids":["a"]}""", "msg.offline")]
    public void Without_an_event_name_the_shape_tells(string body, string expected)
    {
        var result = Parse(body);

        Assert.Equal(expected, result.Event);
        Assert.Single(result.Events);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void The_event_parameter_beats_the_query_string()
    {
        var result = Parse("""{"message_id":3}""", "msg.offline", "event=msg.notify");

        Assert.Equal("msg.offline", Assert.IsType<WuKongMessageEvent>(Assert.Single(result.Events)).Event);
    }

    [Fact]
    public void An_unknown_event_is_passed_on_raw_with_a_warning()
    {
        var body = """{"stream":"x"}""";
        var result = Parse(body, query: "event=msg.stream");

        var unknown = Assert.IsType<ImUnknownWebhookEvent>(Assert.Single(result.Events));
        Assert.Equal("msg.stream", unknown.Event);
        Assert.Equal(body, unknown.Json);
        Assert.Contains("msg.stream", Assert.Single(result.Warnings));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_body_of_no_known_shape_is_passed_on_raw_with_a_warning()
    {
        var result = Parse("""{"hello":"world"}""");

        Assert.IsType<ImUnknownWebhookEvent>(Assert.Single(result.Events));
        Assert.Contains("no known shape", Assert.Single(result.Warnings));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("not json", "not JSON")]
    [InlineData("[\"u-1-1-1-1-1\"", "not JSON")]
    public void A_malformed_body_is_an_error_and_no_event(string body, string expected)
    {
        var result = Parse(body, "user.onlinestatus");

        Assert.Empty(result.Events);
        var error = Assert.Single(result.Errors);
        Assert.Contains(expected, error.Message);
        Assert.Equal("Body", error.ParameterName);
        Assert.Equal(ImAdmin.Engine.Errors.ImErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void A_body_of_the_wrong_shape_for_its_event_says_what_it_got()
    {
        var result = Parse("""["u-1-1-1-1-1"]""", "msg.notify");

        Assert.Empty(result.Events);
        Assert.Contains("array of strings", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void A_payload_that_is_not_base64_fails_only_its_message()
    {
        var result = Parse($$"""[{"message_id":1,"payload":"%%%"},{{Message(2, "fine")}}]""", "msg.notify");

        Assert.Equal(2, Assert.IsType<WuKongMessageEvent>(Assert.Single(result.Events)).MessageId);
        Assert.Contains("not base64", Assert.Single(result.Errors).Message);
    }
}
