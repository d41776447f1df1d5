using System.Text.Json;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Tencent;

namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>The sandbox's group APIs over raw HTTP: create_group's shape and codes, send_group_msg's Random dedupe.</summary>
public class TencentGroupSandboxTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private Task<JsonElement> CallAsync(string api, string body) => TencentTestKit.RawCallAsync(sandbox, "group_open_http_svc/" + api, body);

    private static void AssertCode(JsonElement body, int code) =>
        Assert.Equal((code == 0 ? "OK" : "FAIL", code), (body.GetString("ActionStatus"), body.GetInt("ErrorCode")));

    [Fact]
    public async Task create_group_returns_the_given_or_a_generated_GroupId_and_refuses_a_taken_one()
    {
        var id = SandboxFixture.NewId("g");

        var owned = SandboxFixture.NewId("g");
        var given = await CallAsync("create_group", $$"""{"Type":"Public","GroupId":"{{id}}","Name":"Ops"}""");
        var generated = await CallAsync("create_group", """{"Type":"Work","Name":"Ops"}""");
        var taken = await CallAsync("create_group", $$"""{"Type":"Public","GroupId":"{{id}}","Name":"Ops"}""");
        await CallAsync("create_group", $$"""{"Owner_Account":"administrator","Type":"Public","GroupId":"{{owned}}","Name":"Ops"}""");
        var takenByCaller = await CallAsync("create_group", $$"""{"Type":"Public","GroupId":"{{owned}}","Name":"Ops"}""");

        AssertCode(given, 0);
        Assert.Equal(id, given.GetString("GroupId"));
        AssertCode(generated, 0);
        Assert.StartsWith("@TGS#", generated.GetString("GroupId"));
        Assert.True(sandbox.Host.Tencent.State.GroupExists(generated.GetString("GroupId")!));
        AssertCode(taken, 10021);
        AssertCode(takenByCaller, 10025);
    }

    [Theory]
    [InlineData("""{"Name":"Ops"}""")]
    [InlineData("""{"Type":"Club","Name":"Ops"}""")]
    [InlineData("""{"Type":"Public"}""")]
    [InlineData("""{"Type":"Public","Name":"a name that is much longer than thirty bytes"}""")]
    [InlineData("""{"Type":"Public","Name":"Ops","Owner_Account":"nobody-imported"}""")]
    public async Task create_group_answers_a_bad_parameter_with_10004(string body) =>
        AssertCode(await CallAsync("create_group", body), 10004);

    [Fact]
    public async Task send_group_msg_drops_a_repeated_Random_within_five_minutes_and_answers_the_first_MsgSeq()
    {
        const string message = "\"MsgBody\":[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\"hi\"}}]";
        var group = (await CallAsync("create_group", """{"Type":"Public","Name":"Dedupe"}""")).GetString("GroupId");

        var first = await CallAsync("send_group_msg", $$"""{"GroupId":"{{group}}","Random":4000000000,{{message}}}""");
        var repeat = await CallAsync("send_group_msg", $$"""{"GroupId":"{{group}}","Random":4000000000,{{message}}}""");
        var next = await CallAsync("send_group_msg", $$"""{"GroupId":"{{group}}","Random":5,{{message}}}""");

        static long Seq(JsonElement answer) => answer.GetProperty("MsgSeq").GetInt64();
        Assert.Equal((1L, 1L, 2L), (Seq(first), Seq(repeat), Seq(next)));
        Assert.Equal(JsonValueKind.Number, first.GetProperty("MsgTime").ValueKind);
        Assert.Equal(2, sandbox.Host.Tencent.State.GroupMessages(group!).Count);
    }

    [Theory]
    [InlineData("""{"GroupId":"no-such-group","Random":1,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}]}""", 10010)]
    [InlineData("""{"GroupId":"demo-group","MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}]}""", 10004)]
    [InlineData("""{"GroupId":"demo-group","Random":-1,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}]}""", 10004)]
    [InlineData("""{"Random":1,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}]}""", 10004)]
    public async Task send_group_msg_codes(string body, int code)
    {
        sandbox.Host.Tencent.State.TryCreateGroup(TencentSandbox.DemoGroupId, out _);

        AssertCode(await CallAsync("send_group_msg", body), code);
    }
}
