using System.Collections.Generic;

namespace ImAdmin.Engine.Messaging
{
    /// <summary>Which copies of a message an action reaches.</summary>
    public enum MessageScope
    {
        /// <summary>An ordinary message of a conversation.</summary>
        Message,

        /// <summary>A multicast, for the listed receivers only.</summary>
        Multicast,

        /// <summary>A broadcast to every user.</summary>
        Broadcast,
    }

    /// <summary>
    /// Everything a caller knows about one sent message, whatever the provider: a server id (WuKongIM, WildfireChat), a
    /// MsgKey with sender and recipient (Tencent Cloud IM), the scope. The provider picks the parts it identifies
    /// messages by (<see cref="Providers.Capabilities.IMessageAddressing.KeyOf"/>) and says which are missing.
    /// </summary>
    public sealed class MessageIdentity
    {
        public long? MessageId { get; set; }

        public string? MessageKey { get; set; }

        /// <summary>A group message's sequence (Tencent Cloud IM groups recall by it).</summary>
        public long? MessageSequence { get; set; }

        /// <summary>The kind of channel it was sent to; Person by default.</summary>
        public Models.ChannelType ChannelType { get; set; } = Models.ChannelType.Person;

        /// <summary>The original sender (Tencent Cloud IM recalls need it; null = the session's admin account).</summary>
        public string? From { get; set; }

        /// <summary>The recipient or channel.</summary>
        public string? ChannelId { get; set; }

        public MessageScope Scope { get; set; }

        /// <summary>The receivers of a multicast.</summary>
        public IReadOnlyList<string> Receivers { get; set; } = System.Array.Empty<string>();

        public override string ToString() =>
            (Scope == MessageScope.Message ? "message " : Scope.ToString().ToLowerInvariant() + " ") +
            (ChannelType == Models.ChannelType.Group && MessageSequence != null ? $"{MessageSequence} of group '{ChannelId}'" :
             MessageKey != null && MessageId == null
                ? $"{MessageKey} from '{(string.IsNullOrEmpty(From) ? "the admin account" : From)}' to '{ChannelId}'"
                : MessageId?.ToString() ?? "(no id)") +
            (Scope == MessageScope.Multicast ? " for " + string.Join(", ", Receivers) : string.Empty);
    }
}
