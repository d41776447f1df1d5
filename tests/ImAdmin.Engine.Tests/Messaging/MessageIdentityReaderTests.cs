using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Tests.Messaging;

/// <summary>One message identity from a number, a text or a row's fields; a value naming no message is refused, naming the parameter.</summary>
public class MessageIdentityReaderTests
{
    private static Func<string, object?> Row(params (string Name, object? Value)[] fields) =>
        name => fields.FirstOrDefault(f => f.Name == name).Value;

    [Fact]
    public void A_whole_number_text_is_an_id_or_sequence_and_any_other_text_a_MsgKey()
    {
        var number = MessageIdentityReader.FromText("1790000000000000007", "Identity");
        Assert.Equal(1790000000000000007, number.MessageId);
        Assert.Equal(1790000000000000007, number.MessageSequence);
        var key = MessageIdentityReader.FromText("89541_2574206_1572870301", "Identity");
        Assert.Null(key.MessageId);
        Assert.Equal("89541_2574206_1572870301", key.MessageKey);
    }

    [Fact]
    public void A_CSV_row_is_read_under_the_usual_column_names()
    {
        var identity = MessageIdentityReader.FromFields(Row(("MsgKey", "1_2_3"), ("From_Account", "alice"), ("To_Account", "bob"),
            ("MsgSeq", "12"), ("channel_type", "Group")), "Identity");
        Assert.Equal("1_2_3", identity.MessageKey);
        Assert.Equal("alice", identity.From);
        Assert.Equal("bob", identity.ChannelId);
        Assert.Equal(12, identity.MessageSequence);
        Assert.Equal(ChannelType.Group, identity.ChannelType);
        Assert.Null(identity.MessageId);
    }

    [Fact]
    public void A_Tencent_message_with_id_0_beside_its_key_is_identified_by_the_key()
    {
        var identity = MessageIdentityReader.FromFields(Row(("MessageId", 0L), ("MessageKey", "1_2_3")), "Identity");
        Assert.Null(identity.MessageId);
        Assert.Equal("1_2_3", identity.MessageKey);
    }

    [Theory]
    [InlineData(null, null, "names no message")]
    [InlineData("", " ", "names no message")]
    [InlineData("0", null, "names no message")]
    [InlineData("-3", null, "-3 is not a message id")]
    [InlineData("x1", null, "MessageId 'x1' is not a whole number")]
    public void A_row_naming_no_message_is_refused_with_the_parameter_and_what_is_missing(string? id, string? key, string expected)
    {
        var error = Assert.Throws<ImInputException>(() => MessageIdentityReader.FromFields(Row(("MessageId", id), ("MessageKey", key)), "Identity"));
        Assert.Equal("Identity", error.ParameterName);
        Assert.StartsWith("-Identity:", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_negative_id_and_an_unknown_channel_type_are_refused()
    {
        Assert.Contains("is not a message id", Assert.Throws<ImInputException>(() => MessageIdentityReader.FromNumber(-5, "Identity")).Message);
        Assert.Contains("is not a message id", Assert.Throws<ImInputException>(() => MessageIdentityReader.FromNumber(0, "Identity")).Message);
        Assert.Contains("ChannelType 'Planet'", Assert.Throws<ImInputException>(() =>
            MessageIdentityReader.FromFields(Row(("MessageId", "5"), ("ChannelType", "Planet")), "Identity")).Message);
    }

    [Fact]
    public void A_Tencent_group_message_is_identified_by_its_sequence_alone()
    {
        var identity = MessageIdentityReader.FromFields(Row(("MessageSequence", 7L), ("ChannelId", "demo-group"), ("ChannelType", ChannelType.Group)), "Identity");
        Assert.Equal(7, identity.MessageSequence);
        Assert.Equal(ChannelType.Group, identity.ChannelType);
        Assert.Equal("demo-group", identity.ChannelId);
    }
}
