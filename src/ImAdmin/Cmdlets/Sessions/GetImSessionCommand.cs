using System.Linq;
using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Completion;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Cmdlets.Sessions
{
    /// <summary>
    /// <para type="synopsis">Lists the ImAdmin sessions of this runspace; never shows a secret.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImSession")]
    [OutputType(typeof(ImSession))]
    public sealed class GetImSessionCommand : ImCmdlet
    {
        /// <summary>Session names to list; wildcards allowed.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only sessions of this provider.</summary>
        [Parameter]
        public ImProvider? Provider { get; set; }

        /// <summary>Only the default session.</summary>
        [Parameter]
        public SwitchParameter Default { get; set; }

        protected override void EndProcessing()
        {
            var sessions = SessionRegistry.Current.All.AsEnumerable();
            if (Default) sessions = sessions.Where(s => s.IsDefault);
            if (Provider.HasValue) sessions = sessions.Where(s => s.Provider == Provider.Value);
            var listed = sessions.ToList();
            if (Name != null)
            {
                listed = listed.Where(s => Name.Any(n => new WildcardPattern(n, WildcardOptions.IgnoreCase).IsMatch(s.Name))).ToList();
                // Like Get-Process: a name without wildcards that matches nothing is an error; a pattern may match nothing.
                foreach (var name in Name.Where(n => !WildcardPattern.ContainsWildcardCharacters(n) && !listed.Any(s => string.Equals(s.Name, n, System.StringComparison.OrdinalIgnoreCase))))
                    WriteError(new ErrorRecord(new ItemNotFoundException(
                            $"No session named '{name}'{(Default || Provider.HasValue ? " matches -Default/-Provider" : string.Empty)}. Get-ImSession lists the sessions; Connect-ImServer -Name {name} creates one."),
                        "ImAdmin.SessionNotFound", ErrorCategory.ObjectNotFound, name));
            }
            foreach (var session in listed) WriteObject(session);
        }
    }
}
