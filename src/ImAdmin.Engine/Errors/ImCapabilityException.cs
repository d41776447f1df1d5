using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Errors
{
    /// <summary>A cmdlet was used on a provider (or server version) that lacks the capability.</summary>
    public sealed class ImCapabilityException : ImException
    {
        public ImCapabilityException(ImProvider provider, string capability, string? hint = null)
            : base(ImErrorKind.NotSupported, BuildMessage(provider, capability, hint))
        {
            Provider = provider;
            Capability = capability;
        }

        public string Capability { get; }

        private static string BuildMessage(ImProvider provider, string capability, string? hint) =>
            $"{capability} is not available on {provider} servers." + (hint == null ? string.Empty : " " + hint);
    }
}
