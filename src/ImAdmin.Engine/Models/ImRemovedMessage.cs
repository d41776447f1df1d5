using System;
using System.Collections.Generic;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Models
{
    /// <summary>A message Remove-ImMessage deleted on the server (for everyone, or for some multicast receivers).</summary>
    public sealed class ImRemovedMessage
    {
        public ImProvider Provider { get; set; }

        public long MessageId { get; set; }

        /// <summary>The multicast receivers it was deleted for; empty when it was deleted for everyone.</summary>
        public IReadOnlyList<string> Receiver { get; set; } = Array.Empty<string>();

        public override string ToString() => Receiver.Count == 0 ? $"{MessageId}: removed" : $"{MessageId}: removed for {string.Join(", ", Receiver)}";
    }
}
