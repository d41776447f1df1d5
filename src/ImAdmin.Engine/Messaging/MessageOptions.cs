using System;
using System.Collections.Generic;
using System.Linq;

namespace ImAdmin.Engine.Messaging
{
    /// <summary>
    /// The richer parts of a message (Send-ImMessage -PushText, -Mention, -Lifetime, ...). Each provider honours the
    /// ones it has a field for and refuses the rest before anything is sent (<see cref="Providers.ImClient.CheckOptions"/>).
    /// </summary>
    public sealed class MessageOptions : IEquatable<MessageOptions>
    {
        public static readonly MessageOptions None = new MessageOptions();

        /// <summary>Title of the offline push notification.</summary>
        public string? PushTitle { get; set; }

        /// <summary>Text of the offline push notification.</summary>
        public string? PushText { get; set; }

        /// <summary>Data handed to the push service with the notification (not shown).</summary>
        public string? PushData { get; set; }

        /// <summary>Users mentioned (@) in the message.</summary>
        public IReadOnlyList<string> Mention { get; set; } = Array.Empty<string>();

        /// <summary>Mention everyone (@all).</summary>
        public bool MentionAll { get; set; }

        /// <summary>Free text carried to clients with the message (usually JSON).</summary>
        public string? Extra { get; set; }

        /// <summary>How long the message stays visible; null = for ever.</summary>
        public TimeSpan? Lifetime { get; set; }

        public bool NoSyncToSender { get; set; }

        public bool SkipCallback { get; set; }

        public bool RequestReadReceipt { get; set; }

        /// <summary>In a group, chatroom or channel: only these members get the message.</summary>
        public IReadOnlyList<string> ToUsers { get; set; } = Array.Empty<string>();

        /// <summary>The conversation line (WildfireChat); null = line 0.</summary>
        public int? Line { get; set; }

        /// <summary>Same options, field by field: rows with equal options may share a batch call, others never do.</summary>
        public bool Equals(MessageOptions? other) =>
            other != null && PushTitle == other.PushTitle && PushText == other.PushText && PushData == other.PushData &&
            Mention.SequenceEqual(other.Mention, StringComparer.Ordinal) && MentionAll == other.MentionAll && Extra == other.Extra &&
            Lifetime == other.Lifetime && NoSyncToSender == other.NoSyncToSender && SkipCallback == other.SkipCallback &&
            RequestReadReceipt == other.RequestReadReceipt && ToUsers.SequenceEqual(other.ToUsers, StringComparer.Ordinal) && Line == other.Line;

        public override bool Equals(object? obj) => Equals(obj as MessageOptions);

        public override int GetHashCode()
        {
            unchecked
            {
                var hash = StringComparer.Ordinal.GetHashCode(PushTitle ?? string.Empty);
                hash = hash * 31 + StringComparer.Ordinal.GetHashCode(PushText ?? string.Empty);
                hash = hash * 31 + StringComparer.Ordinal.GetHashCode(Extra ?? string.Empty);
                hash = hash * 31 + Mention.Count;
                return hash * 31 + (Lifetime?.GetHashCode() ?? 0);
            }
        }

        /// <summary>The cmdlet parameter names of the options that are set, for "not on this provider" errors.</summary>
        public IReadOnlyList<string> GivenParameters()
        {
            var given = new List<(string Name, bool Set)>
            {
                (nameof(PushTitle), PushTitle != null),
                (nameof(PushText), PushText != null),
                (nameof(PushData), PushData != null),
                (nameof(Mention), Mention.Count > 0),
                (nameof(MentionAll), MentionAll),
                (nameof(Extra), Extra != null),
                (nameof(Lifetime), Lifetime != null),
                (nameof(NoSyncToSender), NoSyncToSender),
                (nameof(SkipCallback), SkipCallback),
                (nameof(RequestReadReceipt), RequestReadReceipt),
                ("ToUser", ToUsers.Count > 0),
                (nameof(Line), Line != null),
            };
            return given.Where(g => g.Set).Select(g => g.Name).ToList();
        }
    }
}
