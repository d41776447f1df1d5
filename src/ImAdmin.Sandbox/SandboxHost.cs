using ImAdmin.Sandbox.Hosting;
using ImAdmin.Sandbox.Tencent;
using ImAdmin.Sandbox.Wildfire;
using ImAdmin.Sandbox.WuKongIM;

namespace ImAdmin.Sandbox;

/// <summary>The three provider servers, started together on 127.0.0.1. Dispose stops them.</summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private SandboxHost(SandboxOptions options, WuKongSandbox wuKong, ProviderServer wuKongServer, TencentSandbox tencent,
        ProviderServer tencentServer, WildfireSandbox wildfire, ProviderServer wildfireServer)
    {
        Options = options;
        WuKong = wuKong;
        WuKongServer = wuKongServer;
        Tencent = tencent;
        TencentServer = tencentServer;
        Wildfire = wildfire;
        WildfireServer = wildfireServer;
    }

    public SandboxOptions Options { get; }

    public WuKongSandbox WuKong { get; }
    public ProviderServer WuKongServer { get; }

    public TencentSandbox Tencent { get; }
    public ProviderServer TencentServer { get; }

    public WildfireSandbox Wildfire { get; }
    public ProviderServer WildfireServer { get; }

    public static async Task<SandboxHost> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        var wuKong = new WuKongSandbox(options);
        var tencent = new TencentSandbox(options);
        var wildfire = new WildfireSandbox(options);
        var wuKongServer = await ProviderServer.StartAsync(options.WuKongIMPort, wuKong.Map, cancellationToken);
        var tencentServer = await ProviderServer.StartAsync(options.TencentPort, tencent.Map, cancellationToken);
        var wildfireServer = await ProviderServer.StartAsync(options.WildfirePort, wildfire.Map, cancellationToken);
        if (options.Seed)
        {
            wuKong.Seed();
            tencent.Seed();
            wildfire.Seed();
        }
        return new SandboxHost(options, wuKong, wuKongServer, tencent, tencentServer, wildfire, wildfireServer);
    }

    public async ValueTask DisposeAsync()
    {
        await WuKongServer.DisposeAsync();
        await TencentServer.DisposeAsync();
        await WildfireServer.DisposeAsync();
    }
}
