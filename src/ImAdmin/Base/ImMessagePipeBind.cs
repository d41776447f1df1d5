using System;
using System.Collections.Generic;
using System.Management.Automation;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;

namespace ImAdmin.Base
{
    /// <summary>
    /// The -Identity of a sent message (Revoke-, Remove-, Update-ImMessage), after PnP's PipeBind pattern: PowerShell
    /// converts whatever is given or piped through these constructors: a message id or sequence, a Tencent Cloud IM
    /// MsgKey, Send-ImMessage -PassThru or Get-ImMessage output, a CSV row. It keeps what was given (<see cref="Input"/>),
    /// the TargetObject of the message's errors. A value that names no message converts all the same, carrying its
    /// <see cref="Error"/>, and <see cref="ValidateMessageIdentityAttribute"/> refuses it: a conversion that throws while
    /// binding a pipeline object would lose the message behind PowerShell's generic "cannot be bound", whereas a
    /// validation error keeps it, naming -Identity and the fix, for that object alone.
    /// </summary>
    public sealed class ImMessagePipeBind
    {
        public const string ParameterName = "Identity";

        private readonly MessageIdentity _identity;

        public ImMessagePipeBind(long number) : this(number, () => MessageIdentityReader.FromNumber(number, ParameterName)) { }

        public ImMessagePipeBind(int number) : this((long)number) { }

        public ImMessagePipeBind(string text) : this(text, () => MessageIdentityReader.FromText(text, ParameterName)) { }

        public ImMessagePipeBind(ImSendResult sent) : this(PSObject.AsPSObject(sent)) { }

        public ImMessagePipeBind(ImMessage message) : this(PSObject.AsPSObject(message)) { }

        /// <summary>Any other object with those properties (Send-ImBroadcast -PassThru, Revoke-ImMessage -PassThru, ...).</summary>
        public ImMessagePipeBind(object value) : this(PSObject.AsPSObject(value)) { }

        /// <summary>A row or any other object: its properties under their usual names (MessageId, MessageKey or MsgKey, MessageSequence, From, ChannelId, ...).</summary>
        public ImMessagePipeBind(PSObject row) : this(row, () => MessageIdentityReader.FromFields(name => Unwrap(row.Properties[name]?.Value), ParameterName)) { }

        private ImMessagePipeBind(object input, Func<MessageIdentity> read)
        {
            Input = input;
            try
            {
                _identity = read();
            }
            catch (ImInputException ex)
            {
                _identity = new MessageIdentity();
                Error = ex;
            }
        }

        /// <summary>What was given: the TargetObject of the message's errors.</summary>
        public object Input { get; }

        /// <summary>Why the value names no message (null when it names one).</summary>
        public ImInputException? Error { get; }

        /// <summary>
        /// The identity to act on in <paramref name="scope"/>. An explicit <paramref name="from"/>, <paramref name="channelId"/> and
        /// <paramref name="channelType"/> (-From, -ChannelId, -ChannelType) win over what the value itself carries.
        /// </summary>
        public MessageIdentity ToIdentity(MessageScope scope, IReadOnlyList<string> receivers, string? from = null, string? channelId = null, ChannelType? channelType = null) =>
            new MessageIdentity
            {
                MessageId = _identity.MessageId,
                MessageKey = _identity.MessageKey,
                MessageSequence = _identity.MessageSequence,
                ChannelId = string.IsNullOrEmpty(channelId) ? _identity.ChannelId : channelId,
                ChannelType = channelType ?? _identity.ChannelType,
                From = string.IsNullOrEmpty(from) ? _identity.From : from,
                Scope = scope,
                Receivers = receivers,
            };

        public override string ToString() => _identity.ToString();

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
