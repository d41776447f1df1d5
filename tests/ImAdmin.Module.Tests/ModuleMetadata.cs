using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace ImAdmin.Module.Tests;

/// <summary>The built module, opened read-only through MetadataLoadContext, plus the repository files around it.</summary>
public sealed class ModuleMetadata : IDisposable
{
    private readonly MetadataLoadContext _context;

    public ModuleMetadata()
    {
        var metadata = typeof(ModuleMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value!);
        RepoRoot = metadata["RepoRoot"];
        ModuleFolder = Path.Combine(RepoRoot, "out", "ImAdmin");
        var paths = new List<string>
        {
            metadata["SmaReference"],
            Path.Combine(ModuleFolder, "ImAdmin.dll"),
            Path.Combine(ModuleFolder, "ImAdmin.Engine.dll"),
        };
        paths.AddRange(Directory.GetFiles(Path.Combine(ModuleFolder, "dependencies"), "*.dll"));
        // netstandard.dll and the runtime facades resolve against this runtime's reference set.
        paths.AddRange(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Where(p => !paths.Any(q => Path.GetFileName(q) == Path.GetFileName(p))));
        _context = new MetadataLoadContext(new PathAssemblyResolver(paths), "System.Runtime");
        Module = _context.LoadFromAssemblyPath(Path.Combine(ModuleFolder, "ImAdmin.dll"));
        Sma = _context.LoadFromAssemblyPath(metadata["SmaReference"]);
        Cmdlets = Module.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Management.Automation.CmdletAttribute"))
            .Select(t => new CmdletInfo(t))
            .OrderBy(c => c.Name)
            .ToList();
    }

    public string RepoRoot { get; }
    public string ModuleFolder { get; }
    public Assembly Module { get; }

    /// <summary>ImAdmin.Engine.dll of the built module.</summary>
    public Assembly Engine => _context.LoadFromAssemblyPath(Path.Combine(ModuleFolder, "ImAdmin.Engine.dll"));
    public Assembly Sma { get; }
    public IReadOnlyList<CmdletInfo> Cmdlets { get; }

    /// <summary>The approved verbs: every public constant of the SMA Verbs* classes (what Get-Verb lists).</summary>
    public IReadOnlySet<string> ApprovedVerbs => Sma.GetTypes()
        .Where(t => t.Namespace == "System.Management.Automation" && t.Name.StartsWith("Verbs", StringComparison.Ordinal))
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>CmdletsToExport of a manifest file, read as text.</summary>
    public static IReadOnlyList<string> ManifestList(string manifestPath, string key)
    {
        var text = File.ReadAllText(manifestPath);
        var match = Regex.Match(text, key + @"\s*=\s*@\((?<items>[^)]*)\)", RegexOptions.Singleline);
        Assert.True(match.Success, $"{key} not found in {manifestPath}");
        return Regex.Matches(match.Groups["items"].Value, "'([^']+)'").Select(m => m.Groups[1].Value).ToList();
    }

    public void Dispose() => _context.Dispose();
}

/// <summary>One cmdlet class with its [Cmdlet] data and parameters.</summary>
public sealed class CmdletInfo
{
    public CmdletInfo(Type type)
    {
        Type = type;
        var attribute = type.CustomAttributes.Single(a => a.AttributeType.FullName == "System.Management.Automation.CmdletAttribute");
        Verb = (string)attribute.ConstructorArguments[0].Value!;
        Noun = (string)attribute.ConstructorArguments[1].Value!;
        Named = attribute.NamedArguments.ToDictionary(a => a.MemberName, a => a.TypedValue.Value);
    }

    public Type Type { get; }
    public string Verb { get; }
    public string Noun { get; }
    public string Name => Verb + "-" + Noun;
    public IReadOnlyDictionary<string, object?> Named { get; }

    public bool SupportsShouldProcess => Named.TryGetValue("SupportsShouldProcess", out var v) && v is true;
    public bool SupportsPaging => Named.TryGetValue("SupportsPaging", out var v) && v is true;

    /// <summary>ConfirmImpact as its number (0 None, 1 Low, 2 Medium, 3 High); Medium when not set.</summary>
    public int ConfirmImpact => Named.TryGetValue("ConfirmImpact", out var v) && v is int i ? i : 2;

    public IEnumerable<CustomAttributeData> OutputTypes =>
        Type.CustomAttributes.Where(a => a.AttributeType.FullName == "System.Management.Automation.OutputTypeAttribute");

    /// <summary>Public properties carrying [Parameter], with their [Parameter] attributes (one per parameter set).</summary>
    public IEnumerable<(PropertyInfo Property, IReadOnlyList<CustomAttributeData> Attributes)> Parameters =>
        Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (p, (IReadOnlyList<CustomAttributeData>)p.CustomAttributes.Where(a => a.AttributeType.FullName == "System.Management.Automation.ParameterAttribute").ToList()))
            .Where(x => x.Item2.Count > 0);

    public static bool Flag(CustomAttributeData parameter, string name) =>
        parameter.NamedArguments.Any(a => a.MemberName == name && a.TypedValue.Value is true);

    public static IEnumerable<string> Aliases(PropertyInfo property) =>
        property.CustomAttributes.Where(a => a.AttributeType.FullName == "System.Management.Automation.AliasAttribute")
            .SelectMany(a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (string)v.Value!));
}
