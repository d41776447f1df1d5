using System;
using System.Globalization;
using System.Linq;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Messaging
{
    /// <summary>
    /// Builds a <see cref="MessageIdentity"/> from what a caller has: a message id, a text (an id or a Tencent MsgKey), or
    /// the fields of a row (Send-ImMessage -PassThru and Get-ImMessage output, CSV columns under their usual names). A
    /// message that names neither an id nor a key is refused here, naming the parameter; which of the two a provider
    /// needs is the provider's call (<see cref="Providers.Capabilities.IMessageAddressing.KeyOf"/>).
    /// </summary>
    public static class MessageIdentityReader
    {
        private static readonly string[] IdNames = { "MessageId", "message_id", "messageUid" };
        private static readonly string[] KeyNames = { "MessageKey", "MsgKey" };
        private static readonly string[] SequenceNames = { "MessageSequence", "message_seq", "MsgSeq" };
        private static readonly string[] ClientMsgNoNames = { "ClientMsgNo", "client_msg_no" };
        private static readonly string[] ChannelNames = { "ChannelId", "channel_id", "To", "To_Account", "Target", "Uid", "UserId" };
        private static readonly string[] ChannelTypeNames = { "ChannelType", "channel_type" };
        private static readonly string[] FromNames = { "From", "FromUid", "from_uid", "From_Account", "Sender" };

        public static MessageIdentity FromId(long id, string parameterName) =>
            Checked(new MessageIdentity { MessageId = id }, parameterName);

        /// <summary>A whole number is a message id; any other text is a MsgKey.</summary>
        public static MessageIdentity FromText(string? text, string parameterName) =>
            long.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                ? FromId(id, parameterName)
                : Checked(new MessageIdentity { MessageKey = Blank(text) }, parameterName);

        /// <summary>Reads a row through <paramref name="field"/> (a property's value by name, or null when it has none).</summary>
        public static MessageIdentity FromFields(Func<string, object?> field, string parameterName)
        {
            string? Text(string[] names) => names.Select(n => Blank(field(n)?.ToString())).FirstOrDefault(v => v != null);
            var key = Text(KeyNames);
            var id = Number(Text(IdNames), "MessageId", parameterName);
            var identity = new MessageIdentity
            {
                // A message read from a provider without server ids (Tencent Cloud IM) carries MessageId 0 beside its key.
                MessageId = id == 0 && key != null ? null : id,
                MessageKey = key,
                MessageSequence = Number(Text(SequenceNames), "MessageSequence", parameterName),
                ClientMsgNo = Text(ClientMsgNoNames),
                ChannelId = Text(ChannelNames),
                ChannelType = ChannelTypeOf(Text(ChannelTypeNames), parameterName),
                From = Text(FromNames),
            };
            return Checked(identity, parameterName);
        }

        private static MessageIdentity Checked(MessageIdentity identity, string parameterName)
        {
            if (identity.MessageId is long id && id < 1)
                throw new ImInputException(parameterName, $"-{parameterName}: {id} is not a message id; message ids are 1 or more.");
            if (identity.MessageId == null && identity.MessageKey == null)
                throw new ImInputException(parameterName,
                    $"-{parameterName}: the message has no MessageId and no MessageKey. Pass a message id, a Tencent Cloud IM MsgKey " +
                    "(with -From and -ChannelId), or pipe Send-ImMessage -PassThru output, Get-ImMessage output or CSV rows with a " +
                    "MessageId or MessageKey column.");
            return identity;
        }

        private static long? Number(string? text, string field, string parameterName)
        {
            if (text == null) return null;
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
            throw new ImInputException(parameterName, $"-{parameterName}: {field} '{text}' is not a whole number.");
        }

        private static ChannelType? ChannelTypeOf(string? text, string parameterName)
        {
            if (text == null) return null;
            if (Enum.TryParse<ChannelType>(text, true, out var type)) return type;
            throw new ImInputException(parameterName, $"-{parameterName}: ChannelType '{text}' is not one of {string.Join(", ", Enum.GetNames(typeof(ChannelType)))}.");
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }
}
