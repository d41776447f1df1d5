namespace ImAdmin.Engine.Models
{
    /// <summary>A system user: it may send to any channel without being a subscriber.</summary>
    public sealed class ImSystemUser
    {
        public string UserId { get; set; } = string.Empty;

        public override string ToString() => UserId;
    }
}
