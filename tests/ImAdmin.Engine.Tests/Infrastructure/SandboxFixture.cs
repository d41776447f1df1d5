using System.Security;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Security;
using ImAdmin.Engine.Sessions;
using ImAdmin.Sandbox;

namespace ImAdmin.Engine.Tests.Infrastructure;

/// <summary>
/// Starts the sandbox on free loopback ports for a test class and stops it afterwards. Tests use unique ids, so
/// they share one sandbox without seeing each other's data.
/// </summary>
public class SandboxFixture : IAsyncLifetime
{
    public SandboxHost Host { get; private set; } = null!;

    public SandboxOptions Options => Host.Options;

    public async Task InitializeAsync() => Host = await SandboxHost.StartAsync(CreateOptions());

    /// <summary>The options of the sandbox to start; derived fixtures turn on optional server features or versions.</summary>
    protected virtual SandboxOptions CreateOptions() => new();

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>A retry policy with short waits, so fault tests stay quick.</summary>
    public static RetryPolicy FastRetries(int maxRetries = 3) => new()
    {
        MaxRetries = maxRetries,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(100),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalBudget = TimeSpan.FromSeconds(30),
    };

    public ConnectionRequest WuKongRequest(RetryPolicy? policy = null) => new()
    {
        Provider = ImProvider.WuKongIM,
        Uri = Host.WuKongServer.BaseUri,
        Token = ImSecret.FromPlainText(Options.WuKongToken!),
        RetryPolicy = policy ?? FastRetries(),
    };

    public ConnectionRequest TencentRequest(RetryPolicy? policy = null) => TencentRequest(Host, policy);

    /// <summary>A Tencent connection to <paramref name="host"/> (tests that start their own sandbox, e.g. with a manual clock).</summary>
    public static ConnectionRequest TencentRequest(SandboxHost host, RetryPolicy? policy = null) => new()
    {
        Provider = ImProvider.TencentCloud,
        Uri = host.TencentServer.BaseUri,
        SdkAppId = host.Options.TencentSdkAppId,
        SecretKey = ImSecret.FromPlainText(host.Options.TencentSecretKey),
        Identifier = host.Options.TencentAdmins[0],
        RetryPolicy = policy ?? FastRetries(),
    };

    public ConnectionRequest WildfireRequest(RetryPolicy? policy = null) => new()
    {
        Provider = ImProvider.Wildfire,
        Uri = Host.WildfireServer.BaseUri,
        Secret = ImSecret.FromPlainText(Options.WildfireSecret),
        RetryPolicy = policy ?? FastRetries(),
    };

    public static Task<ImSession> ConnectAsync(ConnectionRequest request, bool validate = true) =>
        ImSession.ConnectAsync(request, NoEnvironment, validate, CancellationToken.None);

    public static string? NoEnvironment(string name) => null;

    /// <summary>A fresh id, so tests never collide on sandbox state.</summary>
    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];
}
