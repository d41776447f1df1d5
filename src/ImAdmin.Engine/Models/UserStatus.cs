namespace ImAdmin.Engine.Models
{
    /// <summary>What a user may do (WildfireChat block status: the numbers are the server's).</summary>
    public enum UserStatus
    {
        Normal = 0,

        /// <summary>The user's own messages are refused; the user still receives and can log in.</summary>
        Muted = 1,

        /// <summary>Login is refused and live connections are closed; messages to the user are refused.</summary>
        Banned = 2,
    }
}
