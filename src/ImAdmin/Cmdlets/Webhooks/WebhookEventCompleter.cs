using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Webhooks;

namespace ImAdmin.Cmdlets.Webhooks
{
    /// <summary>Completes -Event with the names ImAdmin has types for, for the -Provider already typed (or all).</summary>
    internal sealed class WebhookEventCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var providers = fakeBoundParameters[nameof(ImWebhookCmdlet.Provider)] is { } bound && LanguagePrimitives.TryConvertTo<ImProvider>(bound, out var provider)
                ? new[] { provider }
                : new[] { ImProvider.WuKongIM, ImProvider.TencentCloud, ImProvider.Wildfire };
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return providers.SelectMany(p => WebhookParser.KnownEvents(p).Select(name => (p, name)))
                .Where(x => x.name.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
                .Select(x => new CompletionResult("'" + x.name + "'", x.name, CompletionResultType.ParameterValue, $"{x.p} {x.name}"));
        }
    }
}
