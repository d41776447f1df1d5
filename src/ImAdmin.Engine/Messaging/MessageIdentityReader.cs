using System;
using System.Globalization;
using System.Linq;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Messaging
{
    /// <summary>
    /// Builds a <see cref="MessageIdentity"/> from what a caller has: a number, a text (a number or a Tencent Cloud IM
    /// MsgKey), or the fields of a row (Send-ImMessage -PassThru and Get-ImMessage output, CSV columns under their usual
    /// names). A value that names no message is refused here, naming the parameter and the fix; which part a provider
    /// acts on is the provider's call (<see cref="Providers.Capabilities.IMessageAddressing.KeyOf"/>).
    /// </summary>
    public static class MessageIdentityReader
    {
        private static readonly string[] IdNames = { "MessageId", "message_id", "messageUid" };
        private static readonly string[] KeyNames = { "MessageKey", "MsgKey" };
        private static readonly string[] SequenceNames = { "MessageSequence", "message_seq", "MsgSeq" };
        private static readonly string[] ChannelNames = { "ChannelId", "channel_id", "To", "To_Account", "Target", "Uid", "UserId" };
        private static readonly string[] ChannelTypeNames = { "ChannelType", "channel_type" };
        private static readonly string[] FromNames = { "From", "FromUid", "from_uid", "From_Account", "Sender" };

        /// <summary>
        /// A bare number: the message's id, and also its sequence, since a Tencent Cloud IM group message is numbered by
        /// its sequence alone; the provider reads the one it identifies messages by.
        /// </summary>
        public static MessageIdentity FromNumber(long number, string parameterName)
        {
            if (number < 1) throw new ImInputException(parameterName, $"-{parameterName}: {number} is not a message id or sequence; they are 1 or more.");
            return new MessageIdentity { MessageId = number, MessageSequence = number };
        }

        /// <summary>A whole number is a message id (or sequence); any other text is a Tencent Cloud IM MsgKey.</summary>
        public static MessageIdentity FromText(string? text, string parameterName) =>
            long.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                ? FromNumber(number, parameterName)
                : Checked(new MessageIdentity { MessageKey = Blank(text) }, parameterName);

        /// <summary>Reads a row through <paramref name="field"/> (a property's value by name, or null when it has none).</summary>
        public static MessageIdentity FromFields(Func<string, object?> field, string parameterName)
        {
            string? Text(string[] names) => names.Select(n => Blank(field(n)?.ToString())).FirstOrDefault(v => v != null);
            var key = Text(KeyNames);
            var id = Number(Text(IdNames), "MessageId", parameterName);
            var sequence = Number(Text(SequenceNames), "MessageSequence", parameterName);
            var identity = new MessageIdentity
            {
                // Tencent Cloud IM results carry no server id: 0 there means "none", as does a sequence of 0.
                MessageId = id == 0 ? null : id,
                MessageKey = key,
                MessageSequence = sequence == 0 ? null : sequence,
                ChannelId = Text(ChannelNames),
                ChannelType = ChannelTypeOf(Text(ChannelTypeNames), parameterName),
                From = Text(FromNames),
            };
            if (id is long given && given < 0) throw new ImInputException(parameterName, $"-{parameterName}: MessageId {given} is not a message id; message ids are 1 or more.");
            return Checked(identity, parameterName);
        }

        private static MessageIdentity Checked(MessageIdentity identity, string parameterName)
        {
            if (identity.MessageId == null && identity.MessageKey == null && identity.MessageSequence == null)
                throw new ImInputException(parameterName,
                    $"-{parameterName}: the value names no message (no MessageId, MessageKey or MessageSequence). Pass a message id, a " +
                    "Tencent Cloud IM MsgKey (with -From and -ChannelId), or pipe Send-ImMessage -PassThru output, Get-ImMessage " +
                    "output or CSV rows with a MessageId, MessageKey or MessageSequence column.");
            return identity;
        }

        private static long? Number(string? text, string field, string parameterName)
        {
            if (text == null) return null;
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
            throw new ImInputException(parameterName, $"-{parameterName}: {field} '{text}' is not a whole number.");
        }

        private static ChannelType ChannelTypeOf(string? text, string parameterName)
        {
            if (text == null) return ChannelType.Person;
            if (Enum.TryParse<ChannelType>(text, true, out var type) && Enum.IsDefined(typeof(ChannelType), type)) return type;
            throw new ImInputException(parameterName, $"-{parameterName}: ChannelType '{text}' is not one of {string.Join(", ", Enum.GetNames(typeof(ChannelType)))}.");
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }
}
