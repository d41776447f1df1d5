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
            // Checked for every row sent: a row that gives none (most) makes no list.
            List<string>? given = null;
            void Given(bool set, string name)
            {
                if (set) (given ??= new List<string>()).Add(name);
            }
            Given(PushTitle != null, nameof(PushTitle));
            Given(PushText != null, nameof(PushText));
            Given(PushData != null, nameof(PushData));
            Given(Mention.Count > 0, nameof(Mention));
            Given(MentionAll, nameof(MentionAll));
            Given(Extra != null, nameof(Extra));
            Given(Lifetime != null, nameof(Lifetime));
            Given(NoSyncToSender, nameof(NoSyncToSender));
            Given(SkipCallback, nameof(SkipCallback));
            Given(RequestReadReceipt, nameof(RequestReadReceipt));
            Given(ToUsers.Count > 0, "ToUser");
            Given(Line != null, nameof(Line));
            return (IReadOnlyList<string>?)given ?? Array.Empty<string>();
        }
    }
}
