using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Models.Webhooks
{
    /// <summary>Base of the events that are not messages (online status, relations, groups, alerts).</summary>
    public abstract class ImWebhookEvent : IImWebhookEvent
    {
        public ImProvider Provider { get; set; }

        /// <summary>The event name: WuKongIM ?event=, Tencent CallbackCommand, or ImAdmin's name for a Wildfire callback.</summary>
        public string Event { get; set; } = string.Empty;
    }
}
