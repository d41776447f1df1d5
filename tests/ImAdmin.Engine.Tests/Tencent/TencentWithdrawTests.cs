using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using static ImAdmin.Engine.Tests.Tencent.TencentTestKit;

namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>openim/admin_msgwithdraw: recalling a C2C message by sender, recipient and MsgKey.</summary>
public class TencentWithdrawTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string Api = "openim/admin_msgwithdraw";

    private Task<ImSession> ConnectAsync() => SandboxFixture.ConnectAsync(sandbox.TencentRequest());

    private static async Task<(string To, string MsgKey)> SendAsync(ImSession session, string? from = null)
    {
        var ids = await ImportAsync(session, SandboxFixture.NewId("w"));
        if (from != null) await ImportAsync(session, from);
        var sent = await Client(session).SendAsync(new[] { Text(ids[0], "oops", from) }, CancellationToken.None);
        return (ids[0], sent[0].Unwrap().MessageKey!);
    }

    [Fact]
    public async Task A_message_sent_as_the_admin_is_recalled_by_its_MsgKey_without_naming_the_sender()
    {
        using var session = await ConnectAsync();
        var (to, key) = await SendAsync(session);

        var result = await Client(session).WithdrawAsync(null, to, key, CancellationToken.None);

        Assert.Equal((ImProvider.TencentCloud, key, "administrator", to, false), (result.Provider, result.MessageKey, result.From, result.ChannelId, result.AlreadyRevoked));
        Assert.Contains($"administrator\n{to}\n{key}", sandbox.Host.Tencent.Withdrawn);
        Assert.Contains("\"From_Account\":\"administrator\"", Calls(sandbox.Host, Api).Last().Body);
    }

    [Fact]
    public async Task Recalling_again_is_success_with_AlreadyRevoked_so_a_lost_answer_can_be_retried()
    {
        using var session = await ConnectAsync();
        var sender = SandboxFixture.NewId("s");
        var (to, key) = await SendAsync(session, sender);
        sandbox.Host.TencentServer.Faults.Add(EnvelopeFault(Api, 60008, "timeout", afterProcessing: true));

        var result = await Client(session).WithdrawAsync(sender, to, key, CancellationToken.None);

        Assert.True(result.AlreadyRevoked);
        Assert.Equal(2, Calls(sandbox.Host, Api).Count(c => c.Body.Contains(key)));
    }

    [Theory]
    [InlineData("1_2_3", ImErrorKind.NotFound, 20022)]
    [InlineData("not-a-key", ImErrorKind.InvalidArgument, 90054)]
    public async Task Unknown_or_malformed_keys_keep_the_servers_code(string key, ImErrorKind kind, int code)
    {
        using var session = await ConnectAsync();

        var ex = await Assert.ThrowsAsync<ImException>(() => Client(session).WithdrawAsync("administrator", "administrator", key, CancellationToken.None));

        Assert.Equal((kind, code), (ex.Kind, ex.ServerCode));
    }

    [Fact]
    public async Task A_missing_recipient_is_refused_before_sending()
    {
        using var session = await ConnectAsync();
        var before = Calls(sandbox.Host, Api).Count;

        var ex = await Assert.ThrowsAsync<ImInputException>(() => Client(session).WithdrawAsync("administrator", "", "1_2_3", CancellationToken.None));

        Assert.Equal("ChannelId", ex.ParameterName);
        Assert.Equal(before, Calls(sandbox.Host, Api).Count);
    }
}
