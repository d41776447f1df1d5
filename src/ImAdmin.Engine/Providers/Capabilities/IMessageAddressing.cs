using ImAdmin.Engine.Messaging;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>How a provider identifies a sent message; the base of the capabilities that act on one.</summary>
    public interface IMessageAddressing
    {
        /// <summary>
        /// The part of <paramref name="identity"/> this provider acts on (a message id, a MsgKey): what an error record
        /// points at. Throws an <see cref="Errors.ImInputException"/> naming the parameters it needs when they are
        /// missing, or an <see cref="Errors.ImCapabilityException"/> for a scope it lacks, before anything is confirmed or sent.
        /// </summary>
        object KeyOf(MessageIdentity identity, string operation);
    }
}
