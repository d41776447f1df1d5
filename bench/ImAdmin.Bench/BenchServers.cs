using ImAdmin.Engine.Http;
using ImAdmin.Engine.Providers.Tencent;
using ImAdmin.Engine.Security;
using ImAdmin.Engine.Sessions;
using ImAdmin.Sandbox;
using ImAdmin.Sandbox.Hosting;

namespace ImAdmin.Bench;

/// <summary>Connections to the in-process sandbox and the recipients a send needs there.</summary>
internal static class BenchServers
{
    public static ConnectionRequest Request(SandboxHost host, ImProvider provider, RetryPolicy? policy = null)
    {
        var request = provider switch
        {
            ImProvider.WuKongIM => new ConnectionRequest { Provider = provider, Uri = host.WuKongServer.BaseUri, Token = ImSecret.FromPlainText(host.Options.WuKongToken!) },
            ImProvider.Wildfire => new ConnectionRequest { Provider = provider, Uri = host.WildfireServer.BaseUri, Secret = ImSecret.FromPlainText(host.Options.WildfireSecret) },
            _ => new ConnectionRequest
            {
                Provider = provider, Uri = host.TencentServer.BaseUri, SdkAppId = host.Options.TencentSdkAppId,
                SecretKey = ImSecret.FromPlainText(host.Options.TencentSecretKey), Identifier = host.Options.TencentAdmins[0],
            },
        };
        if (policy != null) request.RetryPolicy = policy;
        return request;
    }

    public static ProviderServer Server(SandboxHost host, ImProvider provider) => provider switch
    {
        ImProvider.WuKongIM => host.WuKongServer,
        ImProvider.Wildfire => host.WildfireServer,
        _ => host.TencentServer,
    };

    /// <summary>Tencent and Wildfire only deliver to accounts that exist: create them first (not measured as sending).</summary>
    public static async Task PrepareRecipients(SandboxHost host, ImSession session, ImProvider provider, IReadOnlyList<string> recipients)
    {
        if (provider == ImProvider.TencentCloud)
            await session.Require<TencentClient>("bench").ImportAccountsAsync(recipients.Append("admin"), CancellationToken.None);
        if (provider == ImProvider.Wildfire)
            foreach (var id in recipients) host.Wildfire.Directory.Users.Upsert(new System.Text.Json.Nodes.JsonObject { ["userId"] = id, ["name"] = id });
    }
}
