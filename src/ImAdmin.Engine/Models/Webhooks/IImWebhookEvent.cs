using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Models.Webhooks
{
    /// <summary>
    /// What every webhook or callback event has: the provider that sent it and the event name (WuKongIM ?event=,
    /// Tencent CallbackCommand, or ImAdmin's name for a Wildfire callback). Message events derive from
    /// <see cref="ImMessage"/> so they read like Get-ImMessage output; every other event derives from <see cref="ImWebhookEvent"/>.
    /// </summary>
    public interface IImWebhookEvent
    {
        ImProvider Provider { get; }

        string Event { get; }
    }
}
