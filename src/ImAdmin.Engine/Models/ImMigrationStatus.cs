namespace ImAdmin.Engine.Models
{
    /// <summary>
    /// The v1-to-v2 data migration (GET /migrate/result). The server says "running" also when no migration was
    /// ever configured; <see cref="Note"/> says so when the answer looks like that case.
    /// </summary>
    public sealed class ImMigrationStatus
    {
        /// <summary>running, completed or migrated, as the server reports it.</summary>
        public string Status { get; set; } = string.Empty;

        /// <summary>message, user or channel: the data being migrated; empty when none started.</summary>
        public string? Step { get; set; }

        public int TryCount { get; set; }

        /// <summary>The server recorded an error. It does not return the error text (it serialises the error as {}).</summary>
        public bool HasError { get; set; }

        /// <summary>What the answer most likely means, when the raw status would mislead.</summary>
        public string? Note { get; set; }

        public override string ToString() => Status + (string.IsNullOrEmpty(Step) ? string.Empty : " (" + Step + ")") + (Note == null ? string.Empty : ": " + Note);
    }
}
