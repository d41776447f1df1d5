using System.Collections.Generic;
using System.Management.Automation;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;

namespace ImAdmin.Base
{
    /// <summary>
    /// The -Identity of a sent message (Revoke-, Remove-, Update-ImMessage): PowerShell converts whatever is given or piped
    /// through these constructors — a message id, a text (an id or a Tencent Cloud IM MsgKey), Send-ImMessage -PassThru or
    /// Get-ImMessage output, a CSV row. A value that names no message fails here, naming the parameter and what is missing.
    /// </summary>
    public sealed class ImMessagePipeBind
    {
        public const string ParameterName = "Identity";

        private readonly MessageIdentity _identity;

        public ImMessagePipeBind(long messageId) : this(messageId, MessageIdentityReader.FromId(messageId, ParameterName)) { }

        public ImMessagePipeBind(int messageId) : this((long)messageId) { }

        public ImMessagePipeBind(string text) : this(text, MessageIdentityReader.FromText(text, ParameterName)) { }

        public ImMessagePipeBind(ImSendResult sent) : this(PSObject.AsPSObject(sent)) { }

        public ImMessagePipeBind(ImMessage message) : this(PSObject.AsPSObject(message)) { }

        /// <summary>Any other object with MessageId or MessageKey properties (Send-ImBroadcast -PassThru, Revoke-ImMessage -PassThru, ...).</summary>
        public ImMessagePipeBind(object value) : this(PSObject.AsPSObject(value)) { }

        /// <summary>A row: its properties under their usual names (MessageId, MessageKey or MsgKey, From, ChannelId, ...).</summary>
        public ImMessagePipeBind(PSObject row) : this(row, MessageIdentityReader.FromFields(name => Unwrap(row.Properties[name]?.Value), ParameterName)) { }

        private ImMessagePipeBind(object input, MessageIdentity identity)
        {
            Input = input;
            _identity = identity;
        }

        /// <summary>What was given, for the TargetObject of an error.</summary>
        public object Input { get; }

        public long? MessageId => _identity.MessageId;

        /// <summary>
        /// The identity to act on: the explicit <paramref name="from"/> and <paramref name="channelId"/> (-From, -ChannelId)
        /// win over what the value itself carries.
        /// </summary>
        public MessageIdentity ToIdentity(MessageScope scope, IReadOnlyList<string> receivers, string? from = null, string? channelId = null) =>
            new MessageIdentity
            {
                MessageId = _identity.MessageId,
                MessageKey = _identity.MessageKey,
                MessageSequence = _identity.MessageSequence,
                ClientMsgNo = _identity.ClientMsgNo,
                ChannelId = string.IsNullOrEmpty(channelId) ? _identity.ChannelId : channelId,
                ChannelType = _identity.ChannelType,
                From = string.IsNullOrEmpty(from) ? _identity.From : from,
                Scope = scope,
                Receivers = receivers,
            };

        public override string ToString() => _identity.ToString();

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
