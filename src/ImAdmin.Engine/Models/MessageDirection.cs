namespace ImAdmin.Engine.Models
{
    /// <summary>Which way a channel's history is read.</summary>
    public enum MessageDirection
    {
        /// <summary>Newest first, towards sequence 1.</summary>
        Older,

        /// <summary>Oldest first, towards the newest message.</summary>
        Newer,
    }
}
