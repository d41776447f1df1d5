using System.Collections.Generic;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Channels
{
    /// <summary>
    /// What New-ImChannel or Set-ImChannel asks for. A flag left empty means "not given": New- writes it as off;
    /// Set- keeps a readable flag (ban) and refuses an unreadable one unless <see cref="ResetUnspecified"/> is set.
    /// </summary>
    public sealed class ChannelSettings
    {
        public ChannelSettings(string channelId, ChannelType channelType)
        {
            ChannelId = channelId;
            ChannelType = channelType;
        }

        public string ChannelId { get; }

        public ChannelType ChannelType { get; }

        public bool? Ban { get; set; }

        public bool? SendBan { get; set; }

        public bool? AllowStranger { get; set; }

        /// <summary>Update only: write SendBan/AllowStranger as off when they are not given, instead of refusing.</summary>
        public bool ResetUnspecified { get; set; }

        /// <summary>Create only: users subscribed to the new channel.</summary>
        public IReadOnlyList<string>? Subscribers { get; set; }

        /// <summary>
        /// The server overwrites every flag on each update and never reports send_ban or allow_stranger, so an update
        /// that leaves them out would silently switch them off. Refuse that, naming the missing parameters.
        /// </summary>
        public static void RequireUnreadableFlags(bool? sendBan, bool? allowStranger, bool resetUnspecified)
        {
            if (resetUnspecified) return;
            var missing = new List<string>();
            if (!sendBan.HasValue) missing.Add("-SendBan");
            if (!allowStranger.HasValue) missing.Add("-AllowStranger");
            if (missing.Count == 0) return;
            throw new ImInputException(missing[0].TrimStart('-'),
                $"Give {string.Join(" and ", missing)} ($true or $false). WuKongIM overwrites every channel flag on each update " +
                "and never reports these, so leaving them out would silently turn them off. " +
                "Pass -ResetUnspecified to write them as $false on purpose.");
        }

        internal void ValidateForUpdate()
        {
            ChannelInput.RequireWritable(ChannelId, ChannelType);
            RequireUnreadableFlags(SendBan, AllowStranger, ResetUnspecified);
        }

        /// <summary>The subscribers to send, without blanks or duplicates.</summary>
        internal IReadOnlyList<string> ValidateForCreate()
        {
            ChannelInput.RequireWritable(ChannelId, ChannelType);
            var subscribers = ChannelInput.DistinctUserIds(Subscribers, "Subscriber");
            if (subscribers.Count > 0) ChannelInput.RequireSubscribable(ChannelType, "Subscriber");
            return subscribers;
        }
    }
}
