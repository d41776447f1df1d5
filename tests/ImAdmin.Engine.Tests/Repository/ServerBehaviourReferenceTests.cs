using System.Text.RegularExpressions;

namespace ImAdmin.Engine.Tests.Repository;

/// <summary>
/// Code comments point at the project's own record of server behaviour (docs/server-behaviour/*.md), never at
/// sections of documents outside the repository, and every section they name exists there.
/// </summary>
public class ServerBehaviourReferenceTests
{
    private static readonly string Root = FindRoot();
    private static readonly string[] SourceExtensions = [".cs", ".ps1", ".psm1", ".psd1", ".csproj", ".props", ".targets"];

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "ImAdmin.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }

    private static IEnumerable<string> SourceFiles() =>
        new[] { "src", "tests" }.SelectMany(top => Directory.EnumerateFiles(Path.Combine(Root, top), "*", SearchOption.AllDirectories))
            .Where(f => SourceExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    [Fact]
    public void No_source_file_cites_a_section_sign()
    {
        var sectionSign = '\u00A7';
        var offenders = SourceFiles()
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => x.line.Contains(sectionSign))
            .Select(x => $"{Path.GetRelativePath(Root, x.f)}:{x.i + 1}")
            .ToList();
        Assert.True(offenders.Count == 0, "Cite docs/server-behaviour/<provider>.md, 'Section' instead of an outside section: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Every_cited_server_behaviour_section_exists()
    {
        var citation = new Regex(@"docs/server-behaviour/(?<doc>[a-z]+)\.md(?<sections>(?:,? '[^']+')*)");
        var section = new Regex(@"'(?<name>[^']+)'");
        var cited = 0;
        var missing = new List<string>();
        foreach (var file in SourceFiles())
        {
            foreach (Match m in citation.Matches(File.ReadAllText(file)))
            {
                var doc = Path.Combine(Root, "docs", "server-behaviour", m.Groups["doc"].Value + ".md");
                var headings = File.Exists(doc)
                    ? File.ReadLines(doc).Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..].Trim()).ToHashSet()
                    : [];
                if (!File.Exists(doc)) missing.Add($"{Path.GetRelativePath(Root, file)}: no {m.Groups["doc"].Value}.md");
                foreach (Match s in section.Matches(m.Groups["sections"].Value))
                {
                    cited++;
                    if (!headings.Contains(s.Groups["name"].Value))
                        missing.Add($"{Path.GetRelativePath(Root, file)}: {m.Groups["doc"].Value}.md has no section '{s.Groups["name"].Value}'");
                }
            }
        }
        Assert.True(cited > 50, $"only {cited} section citations found; the pattern no longer matches the comments");
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }
}
