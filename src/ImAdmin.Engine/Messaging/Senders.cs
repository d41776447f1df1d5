namespace ImAdmin.Engine.Messaging
{
    /// <summary>Who a message is sent as when no sender is given, on providers whose calls need one.</summary>
    public static class Senders
    {
        /// <summary>The <c>admin</c> user every WildfireChat server creates in its first migration.</summary>
        public const string Admin = "admin";
    }
}
