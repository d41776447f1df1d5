using ImAdmin.Engine.Models;
using System.Collections.Generic;
using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// Acting on sent WildfireChat messages by id (Revoke-ImMessage, Remove-ImMessage): a single message by default,
    /// -Multicast for some of its receivers, or -Broadcast. One ShouldProcess and one result or error per id.
    /// </summary>
    public abstract class ImSentMessageCmdlet : ImRowCmdlet
    {
        protected const string MessageSet = "Message";
        protected const string MulticastSet = "Multicast";
        protected const string BroadcastSet = "Broadcast";

        private string _server = string.Empty;

        /// <summary>The message ids are multicasts: act for the users in -Receiver only.</summary>
        [Parameter(ParameterSetName = MulticastSet, Mandatory = true)]
        public SwitchParameter Multicast { get; set; }

        /// <summary>The multicast receivers to act for.</summary>
        [Parameter(ParameterSetName = MulticastSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Receiver { get; set; } = new string[0];

        /// <summary>The message ids are broadcasts: act for every user.</summary>
        [Parameter(ParameterSetName = BroadcastSet, Mandatory = true)]
        public SwitchParameter Broadcast { get; set; }

        /// <summary>Write one result per message.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The server message ids to act on.</summary>
        protected abstract long[]? MessageIds { get; }

        /// <summary>MsgKeys to act on (Tencent Cloud IM), with <see cref="FromUser"/> and <see cref="Recipient"/>.</summary>
        protected virtual string[]? MessageKeys => null;

        protected virtual string? FromUser => null;

        protected virtual string? Recipient => null;

        /// <summary>Group message sequences to act on (Tencent Cloud IM groups), paired by position like the ids.</summary>
        protected virtual long[]? MessageSequences => null;

        /// <summary>The kind of channel the messages were sent to.</summary>
        protected virtual ChannelType RecipientType => ChannelType.Person;

        /// <summary>The session's name, for ShouldProcess targets.</summary>
        protected string Server => _server;

        // The capability is required per record, not in BeginProcessing: the parameter set of piped input is known only then.
        protected override void BeginProcessing() => _server = ResolveSession().Name;

        /// <summary>
        /// Builds the row's message identities, lets the provider pick the part it acts on (a bad row fails before
        /// confirmation, with the row as TargetObject), asks ShouldProcess per message, runs <paramref name="call"/> and
        /// reports the result or the failure (TargetObject: the id or key acted on).
        /// </summary>
        protected void ForEachMessage<TCapability, T>(string action, string errorId, Func<TCapability, MessageIdentity, CancellationToken, Task<T>> call, Action<T>? onDone = null)
            where TCapability : class, IMessageAddressing
        {
            var client = RequireCapability<TCapability>();
            foreach (var identity in Identities())
            {
                object key;
                try
                {
                    key = client.KeyOf(identity, MyInvocation.MyCommand.Name);
                }
                catch (ImException ex)
                {
                    WriteItemFailure(ex, ex is ImInputException ? "ImAdmin.InvalidArgument" : ex is ImCapabilityException ? "ImAdmin.NotSupported" : errorId, InputObject);
                    continue;
                }
                if (!ShouldProcess($"{identity} on '{_server}'", action)) continue;
                try
                {
                    var result = Run(ct => call(client, identity, ct));
                    onDone?.Invoke(result);
                    if (PassThru) WriteObject(result);
                }
                catch (ImException ex)
                {
                    WriteItemFailure(ex, ex is ImInputException ? "ImAdmin.InvalidArgument" : errorId, key);
                }
            }
        }

        /// <summary>One identity per id or key given (ids and keys pair up by position), or one empty identity when none is.</summary>
        private IEnumerable<MessageIdentity> Identities()
        {
            var ids = MessageIds ?? new long[0];
            var keys = MessageKeys ?? new string[0];
            var sequences = MessageSequences ?? new long[0];
            var scope = ParameterSetName switch { MulticastSet => MessageScope.Multicast, BroadcastSet => MessageScope.Broadcast, _ => MessageScope.Message };
            for (var i = 0; i < Math.Max(1, Math.Max(ids.Length, Math.Max(keys.Length, sequences.Length))); i++)
                yield return new MessageIdentity
                {
                    MessageId = i < ids.Length ? ids[i] : (long?)null,
                    MessageKey = i < keys.Length ? keys[i] : null,
                    MessageSequence = i < sequences.Length && sequences[i] != 0 ? sequences[i] : (long?)null,
                    ChannelType = RecipientType,
                    From = FromUser,
                    ChannelId = Recipient,
                    Scope = scope,
                    Receivers = scope == MessageScope.Multicast ? Receiver : new string[0],
                };
        }
    }
}
