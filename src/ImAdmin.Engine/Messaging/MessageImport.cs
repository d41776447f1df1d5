using System;
using System.Collections.Generic;

namespace ImAdmin.Engine.Messaging
{
    /// <summary>One historical message to import: what a send would carry, plus when it was sent and, optionally, who got it.</summary>
    public sealed class MessageImport
    {
        public MessageImport(SendRequest message, DateTimeOffset timestamp, IReadOnlyList<string>? receivers)
        {
            Message = message;
            Timestamp = timestamp;
            Receivers = receivers;
        }

        /// <summary>Tencent Cloud IM SyncFromOldSystem: a real-time import, counted as unread (5 on current servers; older pages said 1).</summary>
        public const int RealtimeImport = 5;

        /// <summary>Tencent Cloud IM SyncFromOldSystem: a historical import, marked read (the default).</summary>
        public const int HistoricalImport = 2;

        public SendRequest Message { get; }

        /// <summary>The original send time, kept by the server as the message's time.</summary>
        public DateTimeOffset Timestamp { get; }

        /// <summary>
        /// How many earlier rows of the same run were identical to this one (sender, conversation, time, content): 0 for
        /// the first. It tells two identical-looking rows apart while a re-run of the same input numbers them the same
        /// way again (see <see cref="ImportOccurrences"/>).
        /// </summary>
        public int Occurrence { get; set; }

        /// <summary>Only these members of a group-like conversation received it; null for everyone.</summary>
        public IReadOnlyList<string>? Receivers { get; }
    }
}
