using System.Linq;
using System.Management.Automation;
using ImAdmin.Base;
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
            if (Name != null)
            {
                var patterns = Name.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToArray();
                sessions = sessions.Where(s => patterns.Any(p => p.IsMatch(s.Name)));
            }
            foreach (var session in sessions) WriteObject(session);
        }
    }
}
