using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Tests.Channels;

/// <summary>How pipeline rows of the member cmdlets become calls: per channel, chunked, bounded, rows kept for errors.</summary>
public class ChannelMemberBatcherTests
{
    private sealed record Row(string UserId);

    [Fact]
    public void Each_user_knows_the_rows_that_named_it_so_its_own_outcome_reaches_only_them()
    {
        var batcher = new ChannelMemberBatcher(null, chunkSize: 10);
        Row first = new("a,b"), second = new("b,c"), twin = new("b,c");
        batcher.Add("g1", ChannelType.Group, ["a", "b"], first);
        batcher.Add("g1", ChannelType.Group, ["b", "c"], second);
        batcher.Add("g1", ChannelType.Group, ["b", "c"], twin);

        var batch = Assert.Single(batcher.Flush());

        Assert.Equal(["a", "b", "c"], batch.UserIds);
        Assert.Equal([first], batch.SourcesOf("a"));
        // Equal rows are still two rows: both get b's and c's outcome.
        Assert.Equal(3, batch.SourcesOf("b").Count);
        Assert.Same(twin, batch.SourcesOf("c")[1]);
        Assert.Empty(batch.SourcesOf("z"));
    }

    [Fact]
    public void A_channel_is_sent_as_soon_as_it_has_a_full_chunk()
    {
        var batcher = new ChannelMemberBatcher(ChannelMemberList.Blacklist, chunkSize: 3);
        Assert.Empty(batcher.Add("g1", ChannelType.Group, ["a", "b"], new Row("a,b")));
        Assert.Empty(batcher.Add("g2", ChannelType.Group, ["x"], new Row("x")));
        var ready = batcher.Add("g1", ChannelType.Group, ["c", "d"], new Row("c,d"));

        var batch = Assert.Single(ready);
        Assert.Equal(("g1", ChannelType.Group), (batch.ChannelId, batch.ChannelType));
        Assert.Equal(["a", "b", "c"], batch.UserIds);
        Assert.Equal(2, batch.Sources.Count);
        var rest = batcher.Flush();
        Assert.Equal(["g2", "g1"], rest.Select(b => b.ChannelId));
        Assert.Equal(["d"], rest[1].UserIds);
        Assert.Empty(batcher.Flush());
    }

    [Fact]
    public void The_same_id_on_another_channel_type_is_another_channel()
    {
        var batcher = new ChannelMemberBatcher(ChannelMemberList.Whitelist);
        batcher.Add("g1", ChannelType.Group, ["a"], "a");
        batcher.Add("g1", ChannelType.Community, ["a"], "a");
        Assert.Equal(2, batcher.Flush().Count);
    }

    [Fact]
    public void Repeated_users_are_sent_once_but_every_row_is_kept()
    {
        var batcher = new ChannelMemberBatcher(ChannelMemberList.Subscribers);
        var first = new Row("a");
        var twin = new Row("a"); // equal by value, still another CSV row
        batcher.Add("g1", ChannelType.Group, ["a"], first);
        batcher.Add("g1", ChannelType.Group, ["a"], twin);
        batcher.Add("g1", ChannelType.Group, ["a"], first);
        var batch = Assert.Single(batcher.Flush());
        Assert.Equal(["a"], batch.UserIds);
        Assert.Equal(2, batch.Sources.Count);
        Assert.Same(first, batch.Sources[0]);
        Assert.Same(twin, batch.Sources[1]);
    }

    [Fact]
    public void A_bad_row_fails_alone_and_leaves_nothing_behind()
    {
        var batcher = new ChannelMemberBatcher(ChannelMemberList.Subscribers);
        batcher.Add("g1", ChannelType.Group, ["a"], "a");
        Assert.Equal("UserId", Assert.Throws<ImInputException>(() => batcher.Add("g1", ChannelType.Group, ["b", ""], "bad")).ParameterName);
        Assert.Equal("UserId", Assert.Throws<ImInputException>(() => batcher.Add("g1", ChannelType.Group, [], "none")).ParameterName);
        Assert.Equal("ChannelType", Assert.Throws<ImInputException>(() => batcher.Add("u1", ChannelType.Person, ["b"], "person")).ParameterName);
        Assert.Equal("ChannelId", Assert.Throws<ImInputException>(() => batcher.Add("x#y", ChannelType.Group, ["b"], "special")).ParameterName);
        var batch = Assert.Single(batcher.Flush());
        Assert.Equal(["a"], batch.UserIds);
        Assert.Equal(["a"], batch.Sources);
    }

    [Fact]
    public void Person_channels_may_have_blacklists()
    {
        var batcher = new ChannelMemberBatcher(ChannelMemberList.Blacklist);
        batcher.Add("owner", ChannelType.Person, ["spammer"], "row");
        Assert.Single(batcher.Flush());
    }

    [Fact]
    public void Memory_stays_bounded_by_sending_the_oldest_channel_early()
    {
        var batcher = new ChannelMemberBatcher(ChannelMemberList.Blacklist, chunkSize: 10, maxBuffered: 10);
        for (var i = 0; i < 10; i++) Assert.Empty(batcher.Add("g" + i, ChannelType.Group, ["u"], i.ToString()));
        var early = Assert.Single(batcher.Add("g10", ChannelType.Group, ["u"], "10"));
        Assert.Equal("g0", early.ChannelId);
        Assert.Equal(10, batcher.Flush().Count);
    }
}
