namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>One row of New-ImUser or Set-ImUser: the account and the profile fields given (null = not given).</summary>
    public sealed class UserInput
    {
        public UserInput(string userId, string? displayName = null, string? avatarUri = null)
        {
            UserId = userId;
            DisplayName = displayName;
            AvatarUri = avatarUri;
        }

        public string UserId { get; }

        public string? DisplayName { get; }

        public string? AvatarUri { get; }

        /// <summary>Whether a profile field was given (an empty string clears that field).</summary>
        public bool HasProfile => DisplayName != null || AvatarUri != null;
    }
}
