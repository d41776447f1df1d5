using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Tests.Messaging;

public class MessageBatcherTests
{
    private static SendRequest Row(string to, string text = "hi", string? from = "admin", ChannelType type = ChannelType.Person) =>
        new(from, to, type, MessageContent.FromText(text));

    [Fact]
    public void Rows_with_the_same_sender_type_and_content_share_a_batch_up_to_the_limit()
    {
        var batcher = new MessageBatcher(_ => 3);
        Assert.Empty(batcher.Add(Row("u1")));
        Assert.Empty(batcher.Add(Row("u2")));
        var full = Assert.Single(batcher.Add(Row("u3")));
        Assert.Equal(new[] { "u1", "u2", "u3" }, full.Select(r => r.ChannelId));
        Assert.Equal(0, batcher.Buffered);
    }

    [Fact]
    public void Different_content_sender_or_flags_never_share_a_batch()
    {
        var batcher = new MessageBatcher(_ => 100);
        batcher.Add(Row("u1", "hi"));
        batcher.Add(Row("u2", "hello"));
        batcher.Add(Row("u3", "hi", from: "ops"));
        batcher.Add(new SendRequest("admin", "u4", ChannelType.Person, MessageContent.FromText("hi")) { RedDot = false });
        batcher.Add(Row("u5", "hi"));
        var batches = batcher.Flush();
        Assert.Equal(4, batches.Count);
        Assert.Equal(new[] { "u1", "u5" }, batches[0].Select(r => r.ChannelId));
    }

    [Fact]
    public void Rows_share_a_batch_only_when_their_options_are_equal()
    {
        // Each CSV row reads its own options object: equal values batch together, any difference keeps rows apart.
        SendRequest WithOptions(string to, string? title, string? extra = null, params string[] mention) =>
            new("admin", to, ChannelType.Person, MessageContent.FromText("hi")) { Options = new MessageOptions { PushTitle = title, Extra = extra, Mention = mention } };
        var batcher = new MessageBatcher(_ => 100);
        batcher.Add(WithOptions("u1", "A"));
        batcher.Add(WithOptions("u2", "A"));
        batcher.Add(WithOptions("u3", "B"));
        batcher.Add(WithOptions("u4", "A", "{}"));
        batcher.Add(WithOptions("u5", "A", null, "bob"));
        batcher.Add(WithOptions("u6", null));
        batcher.Add(Row("u7"));

        var batches = batcher.Flush();

        Assert.Equal(new[] { "u1 u2", "u3", "u4", "u5", "u6 u7" }, batches.Select(b => string.Join(" ", b.Select(r => r.ChannelId))));
    }

    [Fact]
    public void Rows_that_cannot_batch_go_out_alone_at_once()
    {
        var batcher = new MessageBatcher(r => r.ChannelType == ChannelType.Person ? 10 : 1);
        Assert.Single(Assert.Single(batcher.Add(Row("g1", type: ChannelType.Group))));
        Assert.Single(Assert.Single(batcher.Add(new SendRequest("admin", "u1", ChannelType.Person, MessageContent.FromText("hi")) { ClientMsgNo = "k1" })));
    }

    [Fact]
    public void The_buffer_stays_bounded_when_every_row_is_different()
    {
        var batcher = new MessageBatcher(_ => 500, maxBuffered: 10);
        var sent = 0;
        for (var i = 0; i < 1000; i++)
        {
            sent += batcher.Add(Row("u" + i, "text " + i)).Sum(b => b.Count);
            Assert.True(batcher.Buffered <= 10);
        }
        sent += batcher.Flush().Sum(b => b.Count);
        Assert.Equal(1000, sent);
    }

    [Fact]
    public void A_group_that_gains_no_row_for_a_while_goes_out_before_the_end()
    {
        // A distinct text per row: each row is its own group, so without this every row would wait for Flush.
        var batcher = new MessageBatcher(_ => 1000);
        var early = new List<string>();
        for (var i = 0; i <= ImAdmin.Engine.Batching.RowBatcher<int, int>.IdleItems; i++)
            early.AddRange(batcher.Add(Row("u" + i, "text " + i)).SelectMany(b => b.Select(r => r.ChannelId)));
        Assert.Equal(new[] { "u0" }, early);

        // Texts that repeat in turn keep filling their groups: none goes out early.
        var alternating = new MessageBatcher(_ => 1000);
        for (var i = 0; i < 3000; i++)
            Assert.Empty(alternating.Add(Row("u" + i, "text " + i % 100)));
    }

    [Fact]
    public void Payload_and_text_with_the_same_bytes_are_different_content()
    {
        var text = MessageContent.FromText("hi");
        var payload = MessageContent.FromPayload(System.Text.Encoding.UTF8.GetBytes("hi"));
        Assert.NotEqual(text, payload);
        Assert.Equal(MessageContent.FromPayload(new byte[] { 1, 2 }), MessageContent.FromPayload(new byte[] { 1, 2 }));
    }

    [Fact]
    public void Contents_are_compared_by_their_bytes_and_equal_ones_hash_alike()
    {
        var a = MessageContent.FromPayload(new byte[] { 1, 2, 3 });
        var b = MessageContent.FromPayload(new byte[] { 1, 2, 3 });
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, MessageContent.FromPayload(new byte[] { 1, 2, 4 }));
        Assert.NotEqual(a, MessageContent.FromPayload(new byte[] { 1, 2 }));
        Assert.Equal(MessageContent.FromText(new string('x', 3)).GetHashCode(), MessageContent.FromText("xxx").GetHashCode());
        Assert.NotEqual(MessageContent.FromText("Hi"), MessageContent.FromText("hi"));
        // Rows of two payloads that differ in one byte never share a batch call.
        var batcher = new MessageBatcher(_ => 10);
        batcher.Add(new SendRequest("admin", "u1", ChannelType.Person, a));
        batcher.Add(new SendRequest("admin", "u2", ChannelType.Person, MessageContent.FromPayload(new byte[] { 1, 2, 4 })));
        batcher.Add(new SendRequest("admin", "u3", ChannelType.Person, b));
        Assert.Equal(new[] { 2, 1 }, batcher.Flush().Select(batch => batch.Count));
    }
}
