using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Tests.Infrastructure;
using static ImAdmin.Engine.Tests.WuKongIM.WuKongTestData;
using ImAdmin.Engine.Queries;

namespace ImAdmin.Engine.Tests.WuKongIM;

public class WuKongEventTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Current_servers_get_message_event_and_the_version_is_read_once()
    {
        var (session, client) = await ConnectAsync(sandbox, validate: false);
        using var _ = session;
        var (group, stream) = (SandboxFixture.NewId("grp"), SandboxFixture.NewId("stream"));
        var varzBefore = sandbox.Host.WuKongServer.Journal.Count("/varz");

        var delta = await client.SendEventAsync(new MessageEventRequest(stream, group, ChannelType.Group, "stream.delta") { Data = "{\"text\":\"Hel\"}", From = "bot" }, CancellationToken.None);
        var finish = await client.SendEventAsync(new MessageEventRequest(stream, group, ChannelType.Group, "stream.finish") { EventId = "e-final", Data = "done" }, CancellationToken.None);

        Assert.Equal(("/message/event", 1L, "open", "bot"), (delta.Api, delta.EventSequence, delta.StreamStatus, delta.From));
        Assert.False(string.IsNullOrEmpty(delta.EventId)); // made up when not given: the server requires one
        Assert.Equal(("e-final", 2L, "closed"), (finish.EventId, finish.EventSequence, finish.StreamStatus));
        Assert.Equal(varzBefore + 1, sandbox.Host.WuKongServer.Journal.Count("/varz"));
        var stored = sandbox.Host.WuKong.State.EventsOf(group, 2, stream);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, stored[0].Payload!.Value.ValueKind); // JSON data goes as JSON
        Assert.Equal("done", stored[1].Payload!.Value.GetString());                               // other text as a string
        Assert.Empty(Requests(sandbox, "/event", stream));
    }

    [Fact]
    public async Task A_refused_event_keeps_the_server_message()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var ex = await Assert.ThrowsAsync<ImException>(() => client.SendEventAsync(new MessageEventRequest(SandboxFixture.NewId("s"), "g", ChannelType.Group, ""), CancellationToken.None));
        Assert.Equal(ImErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal("event_type不能为空！", ex.ServerMessage);
    }

    [Fact]
    public async Task A_channel_type_WuKongIM_lacks_is_refused()
    {
        var (session, client) = await ConnectAsync(sandbox, validate: false);
        using var _ = session;
        var ex = await Assert.ThrowsAsync<ImInputException>(() => client.SendEventAsync(new MessageEventRequest("s", "room", ChannelType.Things, "x"), CancellationToken.None));
        Assert.Equal("ChannelType", ex.ParameterName);
    }
}

public class WuKongLegacyEventTests(WuKongV222Fixture sandbox) : IClassFixture<WuKongV222Fixture>
{
    [Fact]
    public async Task Servers_before_2_2_4_get_the_older_event_route_and_body()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var (group, stream) = (SandboxFixture.NewId("grp"), SandboxFixture.NewId("stream"));

        var start = await client.SendEventAsync(new MessageEventRequest(stream, group, ChannelType.Group, "___TextMessageStart") { EventId = "e1" }, CancellationToken.None);
        var ex = await Assert.ThrowsAsync<ImException>(() =>
            client.SendEventAsync(new MessageEventRequest(SandboxFixture.NewId("other"), group, ChannelType.Group, "___TextMessageStart"), CancellationToken.None));

        Assert.Equal(WuKongV222Fixture.Version, session.ServerVersion); // what /varz reports
        Assert.Equal(("/event", "e1"), (start.Api, start.EventId));
        var body = BodyOf(Requests(sandbox, "/event", stream)[0]);
        Assert.Equal("___TextMessageStart", body.GetProperty("event").GetProperty("type").GetString());
        Assert.Equal("频道中已有流正在运行！", ex.ServerMessage); // one stream per channel on these versions
        Assert.Empty(Requests(sandbox, "/message/event", stream));
    }
}

public class WuKongLegacyEventRouteTests(WuKongV222Fixture sandbox) : IClassFixture<WuKongV222Fixture>
{
    [Fact]
    public async Task Before_2_2_4_message_event_is_an_unknown_route()
    {
        using var http = new HttpClient { BaseAddress = sandbox.Host.WuKongServer.BaseUri };
        http.DefaultRequestHeaders.Add("token", sandbox.Options.WuKongToken);
        using var response = await http.PostAsync("message/event", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
    }
}

public class WuKongTooOldEventTests(WuKongV2010Fixture sandbox) : IClassFixture<WuKongV2010Fixture>
{
    [Fact]
    public async Task Servers_without_an_event_api_get_a_not_supported_error_naming_the_version()
    {
        var (session, client) = await ConnectAsync(sandbox);
        using var _ = session;
        var stream = SandboxFixture.NewId("stream");

        var ex = await Assert.ThrowsAsync<ImException>(() => client.SendEventAsync(new MessageEventRequest(stream, "g", ChannelType.Group, "x"), CancellationToken.None));

        Assert.Equal(ImErrorKind.NotSupported, ex.Kind);
        Assert.Contains(WuKongV2010Fixture.Version, ex.Message);
        Assert.DoesNotContain(sandbox.Host.WuKongServer.Journal.Entries, e => e.Body.Contains(stream));
    }
}
