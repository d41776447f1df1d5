using System.Reflection;

namespace ImAdmin.Module.Tests;

/// <summary>The conventions every exported cmdlet follows, checked on the built assembly.</summary>
public sealed class CmdletConventionTests : IClassFixture<ModuleFixture>
{
    /// <summary>Verbs whose cmdlets change server state and so must support -WhatIf/-Confirm.</summary>
    private static readonly HashSet<string> MutatingVerbs = new(StringComparer.Ordinal)
    {
        "Add", "Clear", "Disable", "Disconnect", "Enable", "Import", "New", "Publish", "Register", "Remove", "Reset",
        "Revoke", "Send", "Set", "Start", "Stop", "Unregister", "Update",
    };

    /// <summary>
    /// Mutating verbs on objects that live only in this PowerShell session. New-ImUserSig computes a sig locally
    /// from the session's key and changes nothing on the server, so -WhatIf would have nothing to prevent.
    /// </summary>
    private static readonly HashSet<string> LocalOnly = new(StringComparer.Ordinal) { "Disconnect-ImServer", "New-ImUserSig" };

    /// <summary>
    /// Destructive actions that cannot be undone, the only ones that prompt by default (ConfirmImpact High): deleting a
    /// channel, messages or conversations, and recalling a message recipients already saw. Replacing a member list,
    /// removing subscribers or system users is Medium: the previous state can be put back with Set-/Add-.
    /// </summary>
    private static readonly HashSet<string> Destructive = new(StringComparer.Ordinal)
    {
        "Remove-ImChannel", "Remove-ImConversation", "Remove-ImMessage", "Clear-ImMessage", "Revoke-ImMessage", "Remove-ImUser",
    };

    /// <summary>Cmdlets that write nothing to the pipeline.</summary>
    private static readonly HashSet<string> NoOutput = new(StringComparer.Ordinal) { "Disconnect-ImServer" };

    private readonly ModuleMetadata _module;

    public CmdletConventionTests(ModuleFixture fixture) => _module = fixture.Metadata;

    public static IEnumerable<object[]> CmdletNames()
    {
        using var module = new ModuleMetadata();
        return module.Cmdlets.Select(c => new object[] { c.Name }).ToList();
    }

    private CmdletInfo Cmdlet(string name) => _module.Cmdlets.Single(c => c.Name == name);

    [Fact]
    public void The_module_has_cmdlets() => Assert.NotEmpty(_module.Cmdlets);

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Verb_is_approved_and_noun_has_the_module_prefix(string name)
    {
        var cmdlet = Cmdlet(name);
        Assert.Contains(cmdlet.Verb, _module.ApprovedVerbs);
        Assert.StartsWith("Im", cmdlet.Noun, StringComparison.Ordinal);
        Assert.True(cmdlet.Type.IsSealed, $"{name} should be sealed");
        Assert.EndsWith("Command", cmdlet.Type.Name, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void State_changing_cmdlets_support_WhatIf_and_PassThru(string name)
    {
        var cmdlet = Cmdlet(name);
        if (!MutatingVerbs.Contains(cmdlet.Verb) || LocalOnly.Contains(name))
        {
            Assert.False(cmdlet.SupportsShouldProcess && cmdlet.Verb is "Get" or "Test" or "Search", $"{name} reads only; -WhatIf would mislead");
            return;
        }
        Assert.True(cmdlet.SupportsShouldProcess, $"{name} changes server state and must declare SupportsShouldProcess");
        Assert.Contains(cmdlet.Parameters, p => p.Property.Name == "PassThru");
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Only_destructive_bulk_actions_prompt_by_default(string name)
    {
        var cmdlet = Cmdlet(name);
        if (!cmdlet.SupportsShouldProcess) return;
        Assert.Equal(Destructive.Contains(name), cmdlet.ConfirmImpact >= 3);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Output_type_is_declared(string name)
    {
        var cmdlet = Cmdlet(name);
        if (NoOutput.Contains(name)) Assert.Empty(cmdlet.OutputTypes);
        else Assert.NotEmpty(cmdlet.OutputTypes);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void At_most_one_parameter_per_set_takes_whole_pipeline_objects(string name)
    {
        var byValue = Cmdlet(name).Parameters
            .SelectMany(p => p.Attributes.Where(a => CmdletInfo.Flag(a, "ValueFromPipeline"))
                .Select(a => (Set: a.NamedArguments.FirstOrDefault(n => n.MemberName == "ParameterSetName").TypedValue.Value as string ?? "__AllParameterSets", p.Property.Name)))
            .GroupBy(x => x.Set)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key + ": " + string.Join(", ", g.Select(x => x.Name)));
        Assert.Empty(byValue);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Csv_columns_bind_through_the_documented_aliases(string name)
    {
        var cmdlet = Cmdlet(name);
        var parameters = cmdlet.Parameters.ToDictionary(p => p.Property.Name, p => p);
        void Check(string parameter, params string[] aliases)
        {
            if (!parameters.TryGetValue(parameter, out var p)) return;
            if (!p.Attributes.Any(a => CmdletInfo.Flag(a, "ValueFromPipelineByPropertyName"))) return;
            var declared = CmdletInfo.Aliases(p.Property).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var alias in aliases) Assert.True(declared.Contains(alias), $"{name} -{parameter} should bind CSV column '{alias}'");
        }
        Check("ChannelId", "To", "To_Account", "Target", "channel_id");
        if (!parameters.ContainsKey("UserId")) Check("ChannelId", "Uid", "UserId");
        Check("From", "FromUid", "from_uid", "From_Account", "Sender");
        Check("UserId", "Uid", "User", "Account", "Member_Account", "user_id");
        Check("Text", "Message", "Content");
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Secrets_are_never_plain_strings(string name)
    {
        foreach (var (property, _) in Cmdlet(name).Parameters)
        {
            var lower = property.Name.ToLowerInvariant();
            if (lower.Contains("secret") || lower.Contains("password") || lower == "token" || lower.EndsWith("key") && lower != "messagekey")
                Assert.NotEqual("System.String", property.PropertyType.FullName);
        }
    }

    /// <summary>Every type named in an [OutputType] of a cmdlet.</summary>
    private IEnumerable<Type> OutputTypes() => _module.Cmdlets.SelectMany(c => c.OutputTypes)
        .SelectMany(a => a.ConstructorArguments.SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many : new[] { arg }))
        .Select(arg => arg.Value as Type).Where(t => t != null).Distinct()!;

    [Fact]
    public void Every_public_output_type_of_the_module_has_a_format_view()
    {
        var views = string.Concat(Directory.GetFiles(Path.Combine(_module.ModuleFolder, "Formats"), "*.ps1xml").Select(File.ReadAllText));
        var missing = OutputTypes().Where(t => t.FullName!.StartsWith("ImAdmin.", StringComparison.Ordinal))
            .Where(t => !t.IsAbstract && !views.Contains("<TypeName>" + t.FullName + "</TypeName>"))
            .Select(t => t.FullName).ToList();
        Assert.True(missing.Count == 0, "No format view for " + string.Join(", ", missing));
    }

    [Fact]
    public void Output_types_carry_no_secret_property()
    {
        foreach (var type in OutputTypes())
        foreach (var property in type!.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var lower = property.Name.ToLowerInvariant();
            Assert.False(lower.Contains("secret") || lower.Contains("password") || lower is "token" or "usersig" or "sign" or "signature",
                $"{type.Name}.{property.Name} looks like a secret");
        }
    }

    [Fact]
    public void The_cmdlet_assembly_references_only_allowed_assemblies()
    {
        var allowed = new[] { "netstandard", "System.Management.Automation", "ImAdmin.Engine", "Microsoft.Bcl.AsyncInterfaces", "System.Threading.Tasks.Extensions" };
        var references = _module.Module.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(references, r => Assert.Contains(r, allowed));
        var engine = _module.Module.GetReferencedAssemblies().Single(a => a.Name == "ImAdmin.Engine");
        Assert.NotNull(engine);
    }

    [Fact]
    public void The_engine_has_no_PowerShell_dependency()
    {
        var engine = _module.Module.GetType("ImAdmin.Base.ImCmdlet")!.Assembly.GetReferencedAssemblies()
            .Single(a => a.Name == "ImAdmin.Engine");
        var engineAssembly = _module.Module.GetType("ImAdmin.Base.ImSessionCmdlet")!.GetProperty("Session")!.PropertyType.Assembly;
        Assert.Equal(engine.Name, engineAssembly.GetName().Name);
        Assert.DoesNotContain(engineAssembly.GetReferencedAssemblies(), a => a.Name == "System.Management.Automation");
    }
}
