using System.Text.RegularExpressions;

namespace ImAdmin.Module.Tests;

/// <summary>Every exported cmdlet has a PlatyPS page that documents its synopsis, every parameter, an example and its output.</summary>
public sealed class DocsCoverageTests : IClassFixture<ModuleFixture>
{
    private readonly ModuleMetadata _module;

    public DocsCoverageTests(ModuleFixture fixture) => _module = fixture.Metadata;

    public static IEnumerable<object[]> CmdletNames() => CmdletConventionTests.CmdletNames();

    private static readonly string[] CommonParameters = { "WhatIf", "Confirm" };

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Cmdlet_has_a_complete_docs_page(string name)
    {
        var path = Path.Combine(_module.RepoRoot, "docs", "en-US", name + ".md");
        Assert.True(File.Exists(path), $"docs/en-US/{name}.md is missing");
        var text = File.ReadAllText(path);

        Assert.Matches(new Regex("^---\\s*\\n(.*\\n)*?external help file: ImAdmin.dll-Help.xml", RegexOptions.Multiline), text);
        Assert.Contains("# " + name, text);
        foreach (var section in new[] { "## SYNOPSIS", "## SYNTAX", "## DESCRIPTION", "## EXAMPLES", "## PARAMETERS", "## INPUTS", "## OUTPUTS" })
            Assert.Contains(section, text);
        var synopsis = Regex.Match(text, "## SYNOPSIS\\s*\\n(?<s>[^#]+)").Groups["s"].Value.Trim();
        Assert.False(string.IsNullOrWhiteSpace(synopsis), $"{name}: empty synopsis");
        Assert.Matches("### Example 1", text);
        Assert.Contains("```powershell", text);

        var cmdlet = _module.Cmdlets.Single(c => c.Name == name);
        foreach (var (property, _) in cmdlet.Parameters)
            Assert.True(text.Contains("### -" + property.Name + "\n") || text.Contains("### -" + property.Name + "\r\n"),
                $"{name}: parameter -{property.Name} is not documented");
        if (cmdlet.SupportsShouldProcess)
            foreach (var p in CommonParameters) Assert.Contains("### -" + p, text);
    }

    [Fact]
    public void About_topic_exists()
    {
        var path = Path.Combine(_module.RepoRoot, "docs", "en-US", "about_ImAdmin.help.md");
        Assert.True(File.Exists(path));
        var text = File.ReadAllText(path);
        foreach (var topic in new[] { "Connect-ImServer", "IMADMIN_", "retr", "TargetObject", "-Session" })
            Assert.Contains(topic, text, StringComparison.OrdinalIgnoreCase);
    }
}
