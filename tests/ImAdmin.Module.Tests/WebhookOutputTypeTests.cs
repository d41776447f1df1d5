namespace ImAdmin.Module.Tests;

/// <summary>
/// The two webhook cmdlets declare every typed webhook event the engine can produce, and the same list: attributes
/// cannot share a constant array, so the engine's event classes are the one source both lists are checked against.
/// </summary>
public sealed class WebhookOutputTypeTests(ModuleFixture fixture) : IClassFixture<ModuleFixture>
{
    private static IReadOnlyList<string> Declared(CmdletInfo cmdlet) => cmdlet.OutputTypes
        .SelectMany(a => a.ConstructorArguments.SelectMany(arg => arg.Value is IEnumerable<System.Reflection.CustomAttributeTypedArgument> many ? many : new[] { arg }))
        .Select(arg => ((Type)arg.Value!).FullName!)
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToList();

    [Fact]
    public void Both_webhook_cmdlets_declare_exactly_the_engines_webhook_event_classes()
    {
        var module = fixture.Metadata;
        var events = module.Engine.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.GetInterfaces().Any(i => i.FullName == "ImAdmin.Engine.Models.Webhooks.IImWebhookEvent"))
            .Select(t => t.FullName!)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

        var convert = Declared(module.Cmdlets.Single(c => c.Name == "ConvertFrom-ImWebhook"));
        var receive = Declared(module.Cmdlets.Single(c => c.Name == "Receive-ImWebhook"));

        Assert.True(events.Count >= 38, $"only {events.Count} webhook event classes found");
        Assert.Equal(events, convert);
        Assert.Equal(events, receive);
    }
}
