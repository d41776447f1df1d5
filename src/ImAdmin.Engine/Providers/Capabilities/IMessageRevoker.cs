using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider that recalls sent messages for everyone (Revoke-ImMessage).</summary>
    [ImCapability("Revoke-ImMessage (message recall)", Area = "Recall")]
    public interface IMessageRevoker : IMessageAddressing
    {
        /// <summary>Recalls the message; <paramref name="operatorId"/> is recorded as having recalled it where the provider records one.</summary>
        Task<ImRevokeResult> RevokeAsync(MessageIdentity identity, string operatorId, CancellationToken cancellationToken);
    }
}
