namespace ImAdmin.Engine.Models
{
    /// <summary>What a provider reports about itself when a session is validated.</summary>
    public sealed class ImServerInfo
    {
        public string? ServerVersion { get; set; }

        /// <summary>A short human-readable note (edition, node id, token mode).</summary>
        public string? Details { get; set; }
    }
}
