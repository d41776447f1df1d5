using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Tests.Providers;

/// <summary>The README capability table and the capability errors agree with the interfaces each client implements.</summary>
public class CapabilityTableTests(Infrastructure.SandboxFixture sandbox) : IClassFixture<Infrastructure.SandboxFixture>
{
    private static readonly ImProvider[] Columns = [ImProvider.WuKongIM, ImProvider.TencentCloud, ImProvider.Wildfire];

    private static Dictionary<string, bool[]> ReadmeTable()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "ImAdmin.sln"))) dir = dir.Parent;
        var readme = File.ReadAllLines(Path.Combine(dir!.FullName, "README.md"));
        var start = Array.FindIndex(readme, l => l.StartsWith("## Providers and capabilities", StringComparison.Ordinal));
        return readme.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2)
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .ToDictionary(c => c[1], c => c.Skip(3).Take(3).Select(v => v == "✓").ToArray());
    }

    [Fact]
    public void Every_capability_names_its_operation_and_a_README_row()
    {
        var table = ReadmeTable();
        Assert.True(Capability.All.Count >= 25, $"only {Capability.All.Count} capability interfaces found");
        foreach (var capability in Capability.All)
        {
            var about = Capability.Describe(capability);
            Assert.False(string.IsNullOrWhiteSpace(about.Operation), capability.Name);
            Assert.True(table.ContainsKey(about.Area), $"{capability.Name}: no README row '{about.Area}'");
        }
    }

    [Fact]
    public void The_README_ticks_exactly_the_providers_whose_client_implements_each_capability()
    {
        var table = ReadmeTable();
        foreach (var capability in Capability.All)
        {
            var row = table[Capability.Describe(capability).Area];
            for (var i = 0; i < Columns.Length; i++)
                Assert.True(row[i] == Capability.Offers(Columns[i], capability),
                    $"README row '{Capability.Describe(capability).Area}', column {Columns[i]}: {(row[i] ? "ticked" : "not ticked")}, but {Capability.Clients[Columns[i]].Name} {(row[i] ? "does not implement" : "implements")} {capability.Name}");
        }
    }

    [Fact]
    public void Every_capability_interface_lives_in_the_capabilities_namespace()
    {
        var engine = typeof(Capability).Assembly;
        var strays = engine.GetTypes().Where(t => t.IsInterface && t.IsPublic && t.Namespace!.StartsWith("ImAdmin.Engine.Providers", StringComparison.Ordinal)
                                                  && t.Namespace != typeof(Capability).Namespace);
        Assert.Empty(strays);
        Assert.All(Capability.All, t => Assert.Equal(typeof(Capability).Namespace, t.Namespace));
    }

    [Fact]
    public async Task A_missing_capability_is_one_NotSupported_error_naming_provider_operation_and_alternative()
    {
        using var session = await Infrastructure.SandboxFixture.ConnectAsync(sandbox.WildfireRequest());

        var ex = Assert.Throws<ImCapabilityException>(() => session.RequireCapability<IUserTokenWriter>());

        Assert.Equal(ImErrorKind.NotSupported, ex.Kind);
        Assert.Contains("Set-ImUserToken", ex.Message);
        Assert.Contains("Wildfire", ex.Message);
        Assert.Contains("New-ImUserSig", ex.Message);
    }
}
