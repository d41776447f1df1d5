using System.Linq;
using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Lists WuKongIM system users, or checks whether given users are system users.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImSystemUser")]
    [OutputType(typeof(ImSystemUser))]
    public sealed class GetImSystemUserCommand : ImSessionCmdlet
    {
        /// <summary>Only these user ids (wildcards allowed). A literal id that is not a system user is reported as an error.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? UserId { get; set; }

        protected override void EndProcessing()
        {
            var client = RequireCapability<ISystemUserAdmin>();
            try
            {
                var users = Run(ct => client.GetSystemUsersAsync(ct));
                if (UserId == null)
                {
                    foreach (var user in users) WriteObject(user);
                    return;
                }
                foreach (var id in UserId)
                {
                    var pattern = new WildcardPattern(id, WildcardOptions.None);
                    var matches = users.Where(u => pattern.IsMatch(u.UserId)).ToList();
                    foreach (var user in matches) WriteObject(user);
                    if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(id))
                        WriteItemError(new ImException(ImErrorKind.NotFound, $"'{WildcardPattern.Unescape(id)}' is not a WuKongIM system user."),
                            "ImAdmin.SystemUserNotFound", id);
                }
            }
            catch (ImException ex)
            {
                WriteItemError(ex, "ImAdmin.GetSystemUserFailed", UserId);
            }
        }
    }
}
