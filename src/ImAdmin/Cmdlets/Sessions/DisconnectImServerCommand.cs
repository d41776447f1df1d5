using System.Linq;
using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Cmdlets.Sessions
{
    /// <summary>
    /// <para type="synopsis">Closes ImAdmin sessions and releases their HTTP connections.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ImServer", DefaultParameterSetName = SessionSet)]
    public sealed class DisconnectImServerCommand : ImCmdlet
    {
        private const string SessionSet = "Session";
        private const string NameSet = "Name";

        /// <summary>The sessions to close (default: the runspace's default session).</summary>
        [Parameter(ParameterSetName = SessionSet, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ImSession[]? Session { get; set; }

        /// <summary>Names of sessions to close; wildcards allowed.</summary>
        [Parameter(ParameterSetName = NameSet, Mandatory = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var registry = SessionRegistry.Current;
            ImSession[] targets;
            if (Name != null)
            {
                var patterns = Name.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToArray();
                targets = registry.All.Where(s => patterns.Any(p => p.IsMatch(s.Name))).ToArray();
                foreach (var name in Name.Where(n => !WildcardPattern.ContainsWildcardCharacters(n) && targets.All(s => !string.Equals(s.Name, n, System.StringComparison.OrdinalIgnoreCase))))
                    WriteItemError(new ItemNotFoundException($"There is no ImAdmin session named '{name}'. Get-ImSession lists them."), "ImAdmin.SessionNotFound", name);
            }
            else if (Session != null)
            {
                targets = Session;
            }
            else
            {
                var current = registry.Default;
                if (current == null)
                {
                    WriteVerbose("There is no default ImAdmin session to disconnect.");
                    return;
                }
                targets = new[] { current };
            }

            foreach (var session in targets)
            {
                registry.Remove(session);
                session.Dispose();
                WriteVerbose($"Disconnected session '{session.Name}' ({session.Provider} {session.Uri}).");
            }
        }
    }
}
