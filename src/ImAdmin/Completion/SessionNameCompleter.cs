using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ImAdmin.Base;

namespace ImAdmin.Completion
{
    /// <summary>Completes -Session and Get-ImSession -Name with the names of this runspace's sessions.</summary>
    internal sealed class SessionNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = Completions.Pattern(wordToComplete);
            return SessionRegistry.Current.All.Select(s => s.Name).Where(pattern.IsMatch)
                .Select(name => Completions.Result(name, name));
        }
    }
}
