namespace ImAdmin.Engine.Messaging
{
    /// <summary>Who a message is sent as when no sender is given, on providers whose calls need one.</summary>
    public static class Senders
    {
        /// <summary>The <c>admin</c> user every WildfireChat server creates in its first migration.</summary>
        public const string Admin = "admin";

        /// <summary>
        /// The one spelling of a sender for keys (journal, import dedupe): null for the server's default sender, whether
        /// the row left it out or named it, so a re-run that names the admin finds what a run without a sender did.
        /// </summary>
        public static string? Canonical(string? from, string defaultSender) =>
            string.IsNullOrWhiteSpace(from) || string.Equals(from, defaultSender, System.StringComparison.Ordinal) ? null : from;
    }
}
