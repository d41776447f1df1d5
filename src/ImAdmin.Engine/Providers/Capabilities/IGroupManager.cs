using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider with groups of its own (New-, Get-, Remove-ImChannel -ChannelType Group).</summary>
    [ImCapability("New-/Get-/Remove-ImChannel -ChannelType Group (groups with a name and an owner)", Area = "Groups")]
    public interface IGroupManager
    {
        /// <summary>
        /// Throws an <see cref="Errors.ImInputException"/> for a group type the provider does not have, so a caller can
        /// refuse the input before confirming or sending anything.
        /// </summary>
        void CheckGroupType(GroupType? groupType);

        /// <summary>Creates the group; a group id that is taken is an <see cref="Errors.ImException"/> of kind
        /// <see cref="Errors.ImErrorKind.AlreadyExists"/>.</summary>
        Task CreateGroupAsync(GroupSpec spec, CancellationToken cancellationToken);

        /// <summary>The group, or null when it does not exist.</summary>
        Task<ImChannel?> GetGroupAsync(string groupId, CancellationToken cancellationToken);

        /// <summary>Dismisses the group; an unknown group is an <see cref="Errors.ImException"/> of kind NotFound.</summary>
        Task RemoveGroupAsync(string groupId, CancellationToken cancellationToken);
    }
}
