using System.Reflection;

namespace ImAdmin.Module.Tests;

/// <summary>
/// A capability is what any provider may offer, so its signatures speak only of provider-neutral types: a cmdlet
/// that calls it never builds a WuKongIM, Tencent Cloud IM or WildfireChat type.
/// </summary>
public sealed class CapabilityTypeTests : IClassFixture<ModuleFixture>
{
    private const string CapabilityNamespace = "ImAdmin.Engine.Providers.Capabilities";

    private readonly ModuleMetadata _module;

    public CapabilityTypeTests(ModuleFixture fixture) => _module = fixture.Metadata;

    /// <summary>The type and, for generics and arrays, every type inside it.</summary>
    private static IEnumerable<Type> Parts(Type type)
    {
        yield return type;
        if (type.HasElementType)
            foreach (var part in Parts(type.GetElementType()!)) yield return part;
        if (type.IsGenericType)
            foreach (var part in type.GetGenericArguments().SelectMany(Parts)) yield return part;
    }

    private static bool IsProviderSpecific(Type type) =>
        type.Namespace is { } ns && ns.StartsWith("ImAdmin.Engine.Providers.", StringComparison.Ordinal) && ns != CapabilityNamespace;

    [Fact]
    public void Capability_signatures_use_no_provider_specific_type()
    {
        var capabilities = _module.Engine.GetTypes().Where(t => t.IsInterface && t.Namespace == CapabilityNamespace).ToList();
        Assert.NotEmpty(capabilities);
        var offending = capabilities
            .SelectMany(i => i.GetMethods().Select(m => (Interface: i, Method: m)))
            .SelectMany(x => x.Method.GetParameters().Select(p => p.ParameterType).Append(x.Method.ReturnType)
                .SelectMany(Parts).Where(IsProviderSpecific).Select(t => $"{x.Interface.Name}.{x.Method.Name}: {t.FullName}"))
            .Concat(capabilities.SelectMany(i => i.GetProperties().SelectMany(p => Parts(p.PropertyType)).Where(IsProviderSpecific).Select(t => $"{i.Name}: {t.FullName}")))
            .Distinct()
            .ToList();
        Assert.True(offending.Count == 0, "Capabilities must take provider-neutral types:\n" + string.Join("\n", offending));
    }
}
