using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Security;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Webhooks;
using ImAdmin.Engine.Webhooks.Listener;
using ImAdmin.Sandbox.Webhooks;

namespace ImAdmin.Engine.Tests.Webhooks;

/// <summary>The engine listener over real loopback HTTP, fed by the sandbox posting as the servers do.</summary>
public sealed class WebhookListenerTests : IDisposable
{
    private readonly SandboxWebhooks _sandbox = new();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _sandbox.Dispose();
        _http.Dispose();
    }

    private Task<IReadOnlyList<WebhookDelivery>> Send(WebhookListener listener, string provider, string eventName, Func<WebhookOrder, WebhookOrder>? change = null)
    {
        var order = new WebhookOrder { Provider = provider, Url = listener.Prefix, Event = eventName, RetryDelayMs = 100 };
        return _sandbox.SendAsync(change == null ? order : change(order));
    }

    [Fact]
    public async Task A_notify_batch_is_answered_200_and_its_messages_stream_out_in_order()
    {
        using var listener = ListenerHarness.Start(ImProvider.WuKongIM);

        var delivery = Assert.Single(await Send(listener, "WuKongIM", "msg.notify", o => o with { Count = 3, Text = "batch" }));

        Assert.Equal(200, delivery.Status);
        var receipt = Assert.Single(listener.Take(1));
        Assert.Equal("msg.notify", receipt.Event);
        Assert.Equal("event=msg.notify", receipt.Query);
        Assert.Equal("/hook/", receipt.Path);
        var messages = receipt.Events.Cast<WuKongMessageEvent>().ToList();
        Assert.Equal(new[] { "batch #1", "batch #2", "batch #3" }, messages.Select(m => m.Text));
        Assert.True(messages[0].MessageId < messages[1].MessageId);
        Assert.Contains("-> 200 (msg.notify): 3 events", receipt.ToString());
    }

    [Fact]
    public async Task A_redelivered_notify_batch_is_passed_on_once()
    {
        using var listener = ListenerHarness.Start(ImProvider.WuKongIM);

        var deliveries = await Send(listener, "WuKongIM", "msg.notify", o => o with { Count = 4, Redeliver = true });

        Assert.Equal(new[] { 200, 200 }, deliveries.Select(d => d.Status));
        var receipts = listener.Take(2);
        Assert.Equal(2, receipts[0].Events.Count);
        Assert.Equal(2, receipts[1].Events.Count);
        Assert.Equal(2, receipts[1].DuplicatesDropped);
        var ids = receipts.SelectMany(r => r.Events).Cast<WuKongMessageEvent>().Select(m => m.MessageId).ToList();
        Assert.Equal(ids.Distinct(), ids);
        Assert.Contains("2 duplicates dropped", receipts[1].ToString());
    }

    [Fact]
    public async Task Without_deduplication_a_redelivered_batch_comes_through_twice()
    {
        using var listener = ListenerHarness.Start(ImProvider.WuKongIM, o => o.Deduplicate = false);

        await Send(listener, "WuKongIM", "msg.notify", o => o with { Count = 4, Redeliver = true });

        Assert.Equal(6, listener.Take(2).Sum(r => r.Events.Count));
    }

    [Fact]
    public async Task When_the_consumer_falls_behind_the_listener_answers_503_and_the_servers_retry_is_not_a_duplicate()
    {
        using var listener = ListenerHarness.Start(ImProvider.WuKongIM, o => o.QueueCapacity = 1);
        Assert.Equal(200, Assert.Single(await Send(listener, "WuKongIM", "user.onlinestatus")).Status);

        var retried = Send(listener, "WuKongIM", "msg.notify", o => o with { Count = 2, RetryDelayMs = 300 });
        using (var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
            while (listener.TakeRefusedCount() == 0) await Task.Delay(10, guard.Token);
        var receipts = listener.Take(2);

        var deliveries = await retried;
        Assert.Equal(503, deliveries[0].Status);
        Assert.Equal(200, deliveries[^1].Status);
        Assert.Equal(2, receipts[1].Events.Count);
        Assert.Equal(0, receipts[1].DuplicatesDropped);
    }

    [Fact]
    public async Task Unread_bodies_are_bounded_in_bytes_too()
    {
        using var listener = ListenerHarness.Start(ImProvider.WuKongIM, o => o.QueueCapacityBytes = 4096);

        var first = Assert.Single(await Send(listener, "WuKongIM", "msg.offline", o => o with { Recipients = 100 }));
        var second = await Send(listener, "WuKongIM", "msg.notify", o => o with { Count = 20, RetryDelayMs = 10 });

        Assert.Equal(200, first.Status);
        Assert.All(second, d => Assert.Equal(503, d.Status));
        Assert.Equal(5, listener.TakeRefusedCount());
        Assert.Single(listener.Take(1));
    }

    [Fact]
    public async Task Online_status_of_hyphenated_user_ids()
    {
        using var listener = ListenerHarness.Start(ImProvider.WuKongIM);

        await Send(listener, "WuKongIM", "user.onlinestatus", o => o with { Count = 3, UserId = "shop-7-bot" });

        var statuses = Assert.Single(listener.Take(1)).Events.Cast<WuKongOnlineStatusEvent>().ToList();
        Assert.Equal(new[] { "shop-7-bot-0", "shop-7-bot-1", "shop-7-bot-2" }, statuses.Select(s => s.UserId));
        Assert.Equal(new[] { true, false, true }, statuses.Select(s => s.Online));
        Assert.Equal(new[] { 1000L, 1001, 1002 }, statuses.Select(s => s.ConnectionId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Offline_messages_carry_their_recipients_compressed_or_not(bool compress)
    {
        using var listener = ListenerHarness.Start(ImProvider.WuKongIM);

        var deliveries = await Send(listener, "WuKongIM", "msg.offline", o => o with { Count = 2, Recipients = 300, Compress = compress, PeerId = "fan" });

        Assert.All(deliveries, d => Assert.Equal(200, d.Status));
        var messages = listener.Take(2).SelectMany(r => r.Events).Cast<WuKongMessageEvent>().ToList();
        Assert.All(messages, m => Assert.Equal(Enumerable.Range(1, 300).Select(i => $"fan-{i}"), m.ToUserIds));
        Assert.All(messages, m => Assert.Equal("msg.offline", m.Event));
    }

    public static IEnumerable<object[]> TencentCommands() => new (string, Type)[]
    {
        ("State.StateChange", typeof(TencentStateChangeEvent)),
        ("Sns.CallbackPrevFriendAdd", typeof(TencentBeforeFriendAddEvent)),
        ("Sns.CallbackPrevFriendResponse", typeof(TencentBeforeFriendResponseEvent)),
        ("Sns.CallbackFriendAdd", typeof(TencentAfterFriendAddEvent)),
        ("Sns.CallbackFriendDelete", typeof(TencentAfterFriendDeleteEvent)),
        ("Sns.CallbackBlackListAdd", typeof(TencentAfterBlacklistAddEvent)),
        ("Sns.CallbackBlackListDelete", typeof(TencentAfterBlacklistDeleteEvent)),
        ("C2C.CallbackBeforeSendMsg", typeof(TencentBeforePrivateMessageSendEvent)),
        ("C2C.CallbackAfterSendMsg", typeof(TencentAfterPrivateMessageSendEvent)),
        ("C2C.CallbackAfterMsgReport", typeof(TencentAfterPrivateMessageReportEvent)),
        ("C2C.CallbackAfterMsgWithDraw", typeof(TencentAfterPrivateMessageRevokeEvent)),
        ("Group.CallbackBeforeCreateGroup", typeof(TencentBeforeGroupCreateEvent)),
        ("Group.CallbackAfterCreateGroup", typeof(TencentAfterGroupCreateEvent)),
        ("Group.CallbackBeforeApplyJoinGroup", typeof(TencentBeforeApplyJoinGroupEvent)),
        ("Group.CallbackBeforeInviteJoinGroup", typeof(TencentBeforeInviteJoinGroupEvent)),
        ("Group.CallbackAfterNewMemberJoin", typeof(TencentAfterNewMemberJoinGroupEvent)),
        ("Group.CallbackAfterMemberExit", typeof(TencentAfterMemberExitGroupEvent)),
        ("Group.CallbackBeforeSendMsg", typeof(TencentBeforeGroupMessageSendEvent)),
        ("Group.CallbackAfterSendMsg", typeof(TencentAfterGroupMessageSendEvent)),
        ("Group.CallbackAfterGroupFull", typeof(TencentAfterGroupFullEvent)),
        ("Group.CallbackAfterGroupDestroyed", typeof(TencentAfterGroupDestroyedEvent)),
        ("Group.CallbackAfterGroupInfoChanged", typeof(TencentAfterGroupInfoChangedEvent)),
        ("Group.CallbackOnMemberStateChange", typeof(TencentGroupMemberStateChangeEvent)),
        ("Alert.RequestOverLimit", typeof(TencentRequestOverLimitEvent)),
    }.Select(x => new object[] { x.Item1, x.Item2 });

    [Theory]
    [MemberData(nameof(TencentCommands))]
    public async Task Every_signed_Tencent_callback_is_answered_OK_and_typed(string command, Type expected)
    {
        using var listener = ListenerHarness.Start(ImProvider.TencentCloud, o =>
        {
            o.Parse.CallbackToken = ImSecret.FromPlainText("console-token");
            o.Parse.SdkAppId = 1400000000;
        });

        var delivery = Assert.Single(await Send(listener, "TencentCloud", command, o => o with { Token = "console-token" }));

        Assert.Equal(200, delivery.Status);
        using var answer = JsonDocument.Parse(delivery.Body);
        Assert.Equal("OK", answer.RootElement.GetProperty("ActionStatus").GetString());
        Assert.Equal(0, answer.RootElement.GetProperty("ErrorCode").GetInt32());
        Assert.Equal("", answer.RootElement.GetProperty("ErrorInfo").GetString());
        var ev = Assert.Single(Assert.Single(listener.Take(1)).Events);
        Assert.IsType(expected, ev);
        Assert.Equal(command, ev.Event);
    }

    [Fact]
    public async Task Friend_requests_are_allowed_one_by_one()
    {
        using var listener = ListenerHarness.Start(ImProvider.TencentCloud);

        var delivery = Assert.Single(await Send(listener, "TencentCloud", "Sns.CallbackPrevFriendAdd", o => o with { PeerId = "new-friend" }));

        using var answer = JsonDocument.Parse(delivery.Body);
        var item = Assert.Single(answer.RootElement.GetProperty("ResultItem").EnumerateArray());
        Assert.Equal("new-friend", item.GetProperty("To_Account").GetString());
        Assert.Equal(0, item.GetProperty("ResultCode").GetInt32());
    }

    [Fact]
    public async Task Callbacks_are_answered_before_anyone_consumes_them()
    {
        using var listener = ListenerHarness.Start(ImProvider.TencentCloud);

        var deliveries = await Send(listener, "TencentCloud", "C2C.CallbackBeforeSendMsg", o => o with { Count = 5 });

        Assert.All(deliveries, d => Assert.Equal(200, d.Status));
        Assert.Equal(5, listener.Take(5).Count);
    }

    [Theory]
    [InlineData("wrong-token", null, false, WebhookCheck.Signature)]
    [InlineData("console-token", null, true, WebhookCheck.Signature)]
    [InlineData("console-token", 1669872112L, false, WebhookCheck.RequestTime)]
    [InlineData(null, null, false, WebhookCheck.Signature)]
    public async Task Bad_stale_or_missing_signatures_are_answered_401_and_reported(string? token, long? requestTime, bool tamper, WebhookCheck check)
    {
        using var listener = ListenerHarness.Start(ImProvider.TencentCloud, o => o.Parse.CallbackToken = ImSecret.FromPlainText("console-token"));

        var delivery = Assert.Single(await Send(listener, "TencentCloud", "C2C.CallbackAfterSendMsg", o => o with { Token = token, RequestTime = requestTime, Tamper = tamper }));

        Assert.Equal(401, delivery.Status);
        using var answer = JsonDocument.Parse(delivery.Body);
        Assert.Equal("FAIL", answer.RootElement.GetProperty("ActionStatus").GetString());
        var receipt = Assert.Single(listener.Take(1));
        Assert.Empty(receipt.Events);
        Assert.Equal(check, Assert.Single(receipt.Errors).Check);
        Assert.Contains("C2C.CallbackAfterSendMsg", receipt.Body);
        Assert.DoesNotContain("Sign=", receipt.Query.Replace("Sign=***", string.Empty));
    }

    [Fact]
    public async Task Another_apps_callback_is_answered_403()
    {
        using var listener = ListenerHarness.Start(ImProvider.TencentCloud, o => o.Parse.SdkAppId = 1400000001);

        Assert.Equal(403, Assert.Single(await Send(listener, "TencentCloud", "State.StateChange")).Status);
        Assert.Equal(WebhookCheck.SdkAppId, Assert.Single(Assert.Single(listener.Take(1)).Errors).Check);
    }

    public static IEnumerable<object[]> WildfireEvents() => new (string, Type)[]
    {
        ("message.forward", typeof(WildfireMessageEvent)),
        ("message.recall", typeof(WildfireRecallEvent)),
        ("user.online_status", typeof(WildfireOnlineStatusEvent)),
        ("user.info_update", typeof(WildfireUserInfoEvent)),
        ("relation.update", typeof(WildfireRelationEvent)),
        ("group.info_update", typeof(WildfireGroupInfoEvent)),
        ("group.member_update", typeof(WildfireGroupMemberEvent)),
        ("channel.info_update", typeof(WildfireChannelInfoEvent)),
        ("channel.subscribe", typeof(WildfireChannelSubscribeEvent)),
        ("chatroom.info_update", typeof(WildfireChatroomInfoEvent)),
        ("chatroom.member_update", typeof(WildfireChatroomMemberEvent)),
    }.Select(x => new object[] { x.Item1, x.Item2 });

    [Theory]
    [MemberData(nameof(WildfireEvents))]
    public async Task Every_Wildfire_callback_is_answered_200_and_recognised_by_its_shape(string eventName, Type expected)
    {
        using var listener = ListenerHarness.Start(ImProvider.Wildfire);

        var delivery = Assert.Single(await Send(listener, "Wildfire", eventName));

        Assert.Equal(200, delivery.Status);
        var receipt = Assert.Single(listener.Take(1));
        Assert.Empty(receipt.Warnings);
        var ev = Assert.Single(receipt.Events);
        Assert.IsType(expected, ev);
        Assert.Equal(eventName, ev.Event);
    }

    [Fact]
    public async Task Other_methods_are_answered_405_with_Allow_POST()
    {
        using var listener = ListenerHarness.Start(ImProvider.WuKongIM);

        using var response = await _http.GetAsync(listener.Prefix + "?event=msg.notify");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        var error = Assert.Single(Assert.Single(listener.Take(1)).Errors);
        Assert.Equal(WebhookCheck.Method, error.Check);
        Assert.Contains("GET", error.Message);
    }

    [Fact]
    public async Task Oversized_bodies_are_answered_413()
    {
        using var listener = ListenerHarness.Start(ImProvider.Wildfire, o => o.MaxBodyBytes = 1024);

        using var response = await _http.PostAsync(listener.Prefix, new StringContent(new string(' ', 4096) + "{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(WebhookCheck.Size, Assert.Single(Assert.Single(listener.Take(1)).Errors).Check);
    }

    [Fact]
    public async Task Chunked_oversized_bodies_are_answered_413_too()
    {
        using var listener = ListenerHarness.Start(ImProvider.Wildfire, o => o.MaxBodyBytes = 1024);
        var content = new StringContent(new string(' ', 4096) + "{}", Encoding.UTF8, "application/json");
        content.Headers.ContentLength = null;
        var request = new HttpRequestMessage(HttpMethod.Post, listener.Prefix) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_bodies_are_answered_400_and_reported_with_the_body()
    {
        using var listener = ListenerHarness.Start(ImProvider.WuKongIM);

        var delivery = Assert.Single(await Send(listener, "WuKongIM", "msg.offline", o => o with { Body = "{not json" }));

        Assert.Equal(400, delivery.Status);
        Assert.Contains("not JSON", delivery.Body);
        var receipt = Assert.Single(listener.Take(1));
        Assert.Equal("{not json", receipt.Body);
        Assert.Equal(WebhookCheck.Body, Assert.Single(receipt.Errors).Check);
    }

    [Fact]
    public async Task Unknown_events_are_answered_200_and_passed_on_raw()
    {
        using var listener = ListenerHarness.Start(ImProvider.WuKongIM);

        var delivery = Assert.Single(await Send(listener, "WuKongIM", "msg.stream", o => o with { Body = "{\"x\":1}" }));

        Assert.Equal(200, delivery.Status);
        var receipt = Assert.Single(listener.Take(1));
        Assert.IsType<ImUnknownWebhookEvent>(Assert.Single(receipt.Events));
        Assert.Single(receipt.Warnings);
    }

    [Fact]
    public async Task A_count_stops_after_that_many_events_and_says_how_many_were_held_back()
    {
        using var listener = ListenerHarness.Start(ImProvider.WuKongIM);
        await Send(listener, "WuKongIM", "msg.notify", o => o with { Count = 5 });
        await Send(listener, "WuKongIM", "user.onlinestatus");

        var receipts = listener.Receive(3, TimeSpan.FromSeconds(20), CancellationToken.None).ToList();

        var receipt = Assert.Single(receipts);
        Assert.Equal(3, receipt.Events.Count);
        Assert.Equal(2, receipt.EventsOverCount);
        Assert.Contains("2 beyond -Count", receipt.ToString());
    }

    [Fact]
    public void A_timeout_ends_the_stream_when_nothing_arrives()
    {
        using var listener = ListenerHarness.Start(ImProvider.WuKongIM);

        Assert.Empty(listener.Receive(null, TimeSpan.FromMilliseconds(200), CancellationToken.None));
    }

    [Fact]
    public async Task Cancelling_stops_the_stream_and_disposing_releases_the_port()
    {
        var port = ListenerHarness.FreePort();
        var listener = WebhookListener.Start(new WebhookListenerOptions { Provider = ImProvider.WuKongIM, Prefix = $"http://127.0.0.1:{port}/" });
        Assert.False(ListenerHarness.PortIsFree(port));
        await Send(listener, "WuKongIM", "user.onlinestatus");
        using var cancel = new CancellationTokenSource();

        var taken = new List<WebhookReceipt>();
        var error = Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var receipt in listener.Receive(null, null, cancel.Token))
            {
                taken.Add(receipt);
                cancel.CancelAfter(50);
            }
        });
        listener.Dispose();

        Assert.Single(taken);
        Assert.NotNull(error);
        Assert.True(ListenerHarness.PortIsFree(port));
        using var again = WebhookListener.Start(new WebhookListenerOptions { Provider = ImProvider.WuKongIM, Prefix = $"http://127.0.0.1:{port}/" });
        Assert.Equal(200, Assert.Single(await Send(again, "WuKongIM", "user.onlinestatus")).Status);
    }

    [Fact]
    public void A_port_in_use_is_a_clear_error_naming_the_prefix()
    {
        using var first = ListenerHarness.Start(ImProvider.WuKongIM);

        var error = Assert.Throws<ImException>(() => WebhookListener.Start(new WebhookListenerOptions { Provider = ImProvider.WuKongIM, Prefix = first.Prefix }));

        Assert.Equal("Prefix", error.ParameterName);
        Assert.Contains(first.Prefix, error.Message);
    }

    [Theory]
    [InlineData("https://127.0.0.1:8443/", "http://")]
    [InlineData("http://127.0.0.1/", "port")]
    [InlineData("127.0.0.1:8080", "http://")]
    public void A_bad_prefix_is_refused_before_listening(string prefix, string expected)
    {
        var error = Assert.Throws<ImInputException>(() => WebhookListener.Start(new WebhookListenerOptions { Prefix = prefix }));

        Assert.Equal("Prefix", error.ParameterName);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Deduplication_memory_is_bounded()
    {
        var seen = new RecentIdSet(3);

        Assert.True(seen.Add(1));
        Assert.False(seen.Add(1));
        Assert.True(seen.Add(2));
        Assert.True(seen.Add(3));
        Assert.True(seen.Add(4));
        Assert.Equal(3, seen.Count);
        Assert.True(seen.Add(1));
        Assert.False(seen.Add(4));
    }
}
