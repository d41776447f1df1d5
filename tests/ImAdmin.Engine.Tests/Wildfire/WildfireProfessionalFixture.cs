using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox;

namespace ImAdmin.Engine.Tests.Wildfire;

/// <summary>A sandbox that emulates a WildfireChat professional-edition server (the pro-only admin routes exist).</summary>
public sealed class WildfireProfessionalFixture : SandboxFixture
{
    protected override SandboxOptions CreateOptions() => new() { WildfireProfessional = true };
}
