using System.Net;
using ImAdmin.Sandbox.Faults;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ImAdmin.Sandbox.Hosting;

/// <summary>One provider's HTTP server on 127.0.0.1, with fault injection, a request journal and the control API.</summary>
public sealed class ProviderServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProviderServer(WebApplication app, Uri baseUri, FaultInjector faults, RequestJournal journal)
    {
        _app = app;
        BaseUri = baseUri;
        Faults = faults;
        Journal = journal;
    }

    public Uri BaseUri { get; }
    public FaultInjector Faults { get; }
    public RequestJournal Journal { get; }

    /// <param name="port">0 picks a free port.</param>
    /// <param name="configure">Adds the provider's auth middleware and routes.</param>
    public static async Task<ProviderServer> StartAsync(int port, Action<WebApplication> configure, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
        });
        var app = builder.Build();
        var faults = new FaultInjector();
        var journal = new RequestJournal();
        app.UseMiddleware<FaultMiddleware>(faults, journal);
        ControlRoutes.Map(app, faults, journal);
        configure(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ProviderServer(app, new Uri(address.Replace("[::]", "127.0.0.1") + "/"), faults, journal);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
