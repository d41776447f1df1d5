using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImAdmin.Bench.PowerShell;

/// <summary>
/// A WuKongIM-shaped server on 127.0.0.1 that answers every call with the same success, without parsing or storing
/// anything: what remains of a send's time is the client's own. Counts the calls it answered.
/// </summary>
public sealed class FixedAnswerServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _calls;

    private FixedAnswerServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public long Calls => Interlocked.Read(ref _calls);

    public static async Task<FixedAnswerServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FixedAnswerServer(app);
        app.Use(async (HttpContext context, RequestDelegate _) =>
        {
            Interlocked.Increment(ref server._calls);
            // Read the body as a real server would, then answer by path only.
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(context.Request.Path.Value switch
            {
                "/varz" => """{"server_id":"1","server_name":"bench","version":"v2.2.4","connections":0,"uptime":"1h0m0s"}""",
                "/message/send" => """{"status":200,"data":{"message_id":1,"client_msg_no":"bench","message_seq":1}}""",
                "/message/sendbatch" => """{"fail_uids":[],"reason":[]}""",
                _ => "{}",
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
