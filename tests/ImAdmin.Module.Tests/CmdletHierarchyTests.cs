namespace ImAdmin.Module.Tests;

/// <summary>
/// Keeps the cmdlet class tree flat: reuse goes through fields and helper objects, not through deeper inheritance.
/// The deepest allowed chain is PSCmdlet > ImCmdlet > ImSessionCmdlet or ImRowCmdlet > one domain base > cmdlet.
/// </summary>
public sealed class CmdletHierarchyTests : IClassFixture<ModuleFixture>
{
    private const int MaxDepthBelowPSCmdlet = 4;

    private readonly ModuleMetadata _module;

    public CmdletHierarchyTests(ModuleFixture fixture) => _module = fixture.Metadata;

    /// <summary>The classes from the type up to (not including) PSCmdlet, nearest first; empty when PSCmdlet is not an ancestor.</summary>
    private static IReadOnlyList<Type> ChainBelowPSCmdlet(Type type)
    {
        var chain = new List<Type>();
        for (var t = type; t != null; t = t.BaseType)
        {
            if (t.FullName == "System.Management.Automation.PSCmdlet") return chain;
            chain.Add(t);
        }
        return Array.Empty<Type>();
    }

    private static bool IsCmdletClass(Type type)
    {
        for (var t = type.BaseType; t != null; t = t.BaseType)
            if (t.FullName == "System.Management.Automation.Cmdlet") return true;
        return false;
    }

    /// <summary>UserBatchCmdlet`1 -> UserBatchCmdlet.</summary>
    private static string PlainName(Type type) => type.Name.Split('`')[0];

    [Fact]
    public void No_cmdlet_is_more_than_four_levels_below_PSCmdlet()
    {
        var tooDeep = _module.Cmdlets
            .Select(c => ChainBelowPSCmdlet(c.Type))
            .Where(chain => chain.Count > MaxDepthBelowPSCmdlet)
            .Select(chain => string.Join(" < ", chain.Select(PlainName)))
            .ToList();
        Assert.True(tooDeep.Count == 0, "Deeper than PSCmdlet > ImCmdlet > ImSessionCmdlet > domain base > cmdlet; compose a helper instead:\n" + string.Join("\n", tooDeep));
    }

    [Fact]
    public void Every_cmdlet_derives_from_ImCmdlet_below_PSCmdlet()
    {
        var outside = _module.Cmdlets
            .Where(c => ChainBelowPSCmdlet(c.Type) is var chain && (chain.Count == 0 || chain[chain.Count - 1].FullName != "ImAdmin.Base.ImCmdlet"))
            .Select(c => c.Name)
            .ToList();
        Assert.Empty(outside);
    }

    [Fact]
    public void Every_abstract_cmdlet_base_is_named_Cmdlet()
    {
        var bases = _module.Module.GetTypes().Where(t => t.IsClass && t.IsAbstract && IsCmdletClass(t)).ToList();
        Assert.NotEmpty(bases);
        Assert.DoesNotContain(bases.Select(PlainName), n => !n.EndsWith("Cmdlet", StringComparison.Ordinal));
    }
}
