using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Models
{
    /// <summary>
    /// A user account. The property names are the parameter names of New-/Set-/Remove-ImUser, so
    /// <c>Get-ImUser | Set-ImUser -Status Muted</c> binds without renaming.
    /// </summary>
    public sealed class ImUser
    {
        public string UserId { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        /// <summary>The avatar (portrait) URL.</summary>
        public string? AvatarUri { get; set; }

        /// <summary>Normal, Muted or Banned (WildfireChat block status); null where the provider has no such state.</summary>
        public UserStatus? Status { get; set; }

        /// <summary>Whether the server has the account.</summary>
        public bool Exists { get; set; }

        public ImProvider Provider { get; set; }

        public override string ToString() => DisplayName == null ? UserId : $"{UserId} ({DisplayName})";
    }
}
