using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox;

namespace ImAdmin.Engine.Tests.WuKongIM;

/// <summary>A sandbox with the wk.plugin.search plugin installed, and the demo data a newcomer sees.</summary>
public sealed class WuKongSearchPluginFixture : SandboxFixture
{
    protected override SandboxOptions CreateOptions() => new() { WuKongSearchPlugin = true, Seed = true };
}

/// <summary>A v2.2.2 server: POST /event exists, POST /message/event does not yet.</summary>
public sealed class WuKongV222Fixture : SandboxFixture
{
    public const string Version = "v2.2.2-20251020";

    protected override SandboxOptions CreateOptions() => new() { WuKongVersion = Version };
}

/// <summary>A v2.0.10 server: no event API at all.</summary>
public sealed class WuKongV2010Fixture : SandboxFixture
{
    public const string Version = "v2.0.10-20250301";

    protected override SandboxOptions CreateOptions() => new() { WuKongVersion = Version };
}
