namespace ImAdmin.Sandbox.Tencent;

/// <summary>TODO(helper): Tencent admin API sandbox.</summary>
public sealed partial class TencentSandbox(SandboxOptions options)
{
    public SandboxOptions Options => options;

    public void Map(WebApplication app)
    {
    }

    public void Seed()
    {
    }
}
