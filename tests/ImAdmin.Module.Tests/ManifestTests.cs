namespace ImAdmin.Module.Tests;

/// <summary>The manifests export exactly the assembly's cmdlets and point at files that exist.</summary>
public sealed class ManifestTests : IClassFixture<ModuleFixture>
{
    private readonly ModuleMetadata _module;

    public ManifestTests(ModuleFixture fixture) => _module = fixture.Metadata;

    public static IEnumerable<object[]> Manifests() => new[] { new object[] { "ImAdmin.psd1" }, new object[] { "out/ImAdmin/ImAdmin.psd1" } };

    [Theory]
    [MemberData(nameof(Manifests))]
    public void CmdletsToExport_equals_the_cmdlets_in_the_assembly(string manifest)
    {
        var exported = ModuleMetadata.ManifestList(Path.Combine(_module.RepoRoot, manifest), "CmdletsToExport").OrderBy(n => n).ToList();
        Assert.Equal(_module.Cmdlets.Select(c => c.Name).ToList(), exported);
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Nothing_is_exported_by_wildcard(string manifest)
    {
        var text = File.ReadAllText(Path.Combine(_module.RepoRoot, manifest));
        Assert.DoesNotContain("'*'", text);
        Assert.Empty(ModuleMetadata.ManifestList(Path.Combine(_module.RepoRoot, manifest), "FunctionsToExport"));
        Assert.DoesNotContain("RequiredAssemblies", text);
        Assert.DoesNotContain("NestedModules", text);
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Every_listed_file_exists(string manifest)
    {
        var path = Path.Combine(_module.RepoRoot, manifest);
        var folder = Path.GetDirectoryName(path)!;
        foreach (var file in ModuleMetadata.ManifestList(path, "FormatsToProcess"))
            Assert.True(File.Exists(Path.Combine(folder, file)), $"{manifest} lists {file}, which does not exist");
        var root = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(path), "RootModule\\s*=\\s*'([^']+)'").Groups[1].Value;
        Assert.True(File.Exists(Path.Combine(folder, root)), $"{manifest} RootModule {root} does not exist");
    }

    [Fact]
    public void Every_format_file_in_the_module_is_listed()
    {
        var listed = ModuleMetadata.ManifestList(Path.Combine(_module.ModuleFolder, "ImAdmin.psd1"), "FormatsToProcess")
            .Select(Path.GetFileName).ToHashSet();
        foreach (var file in Directory.GetFiles(Path.Combine(_module.ModuleFolder, "Formats")))
            Assert.Contains(Path.GetFileName(file), listed);
    }

    [Fact]
    public void The_one_format_file_carries_every_view_and_selection_set_of_the_source_files()
    {
        var combined = System.Xml.Linq.XDocument.Load(Path.Combine(_module.ModuleFolder, "Formats", "ImAdmin.Format.ps1xml"));
        foreach (var source in Directory.GetFiles(Path.Combine(_module.RepoRoot, "src", "ImAdmin", "Formats"), "*.Format.ps1xml"))
        foreach (var name in System.Xml.Linq.XDocument.Load(source).Descendants().Where(e => e.Name.LocalName is "View" or "SelectionSet").Select(e => e.Element("Name")!.Value))
            Assert.True(combined.Descendants().Count(e => e.Name.LocalName is "View" or "SelectionSet" && e.Element("Name")!.Value == name) == 1,
                $"{Path.GetFileName(source)}: '{name}' is not in the built Formats/ImAdmin.Format.ps1xml exactly once");
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Import_runs_no_script(string manifest)
    {
        // A script on import costs more than the rest of Import-Module together (docs/benchmarks.md).
        var text = File.ReadAllText(Path.Combine(_module.RepoRoot, manifest));
        Assert.DoesNotContain("ScriptsToProcess", text);
        Assert.DoesNotContain(".ps1'", text);
    }

    [Fact]
    public void The_module_ships_its_json_dependencies_for_Windows_PowerShell()
    {
        var dependencies = Directory.GetFiles(Path.Combine(_module.ModuleFolder, "dependencies")).Select(Path.GetFileName).ToList();
        Assert.Contains("System.Text.Json.dll", dependencies);
        Assert.DoesNotContain("System.Management.Automation.dll", dependencies);
        var json = _module.Module.GetType("ImAdmin.Base.ImCmdlet")!.Assembly; // keeps the context alive
        Assert.NotNull(json);
        Assert.Equal(8, System.Reflection.AssemblyName.GetAssemblyName(Path.Combine(_module.ModuleFolder, "dependencies", "System.Text.Json.dll")).Version!.Major);
    }
}
