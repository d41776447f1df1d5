using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Models
{
    /// <summary>The outcome of Send-ImBroadcast: one message that every user receives privately from the sender.</summary>
    public sealed class ImBroadcastResult
    {
        public ImProvider Provider { get; set; }

        public string From { get; set; } = string.Empty;

        /// <summary>The one server message id of the broadcast (keep it to recall or delete the broadcast).</summary>
        public long MessageId { get; set; }

        /// <summary>How many users the server delivered it to.</summary>
        public long RecipientCount { get; set; }

        public override string ToString() => $"{MessageId} from {From} to {RecipientCount} users";
    }
}
