namespace ImAdmin.Sandbox.Wildfire;

/// <summary>TODO(helper): Wildfire admin API sandbox.</summary>
public sealed partial class WildfireSandbox(SandboxOptions options)
{
    public SandboxOptions Options => options;

    public void Map(WebApplication app)
    {
    }

    public void Seed()
    {
    }
}
