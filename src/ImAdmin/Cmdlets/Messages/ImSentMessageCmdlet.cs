using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// Acting on sent messages given as -Identity (Revoke-ImMessage, Remove-ImMessage): a single message by default,
    /// -Multicast for some of its receivers, or -Broadcast. One ShouldProcess and one result per message; the row is
    /// one call (its messages in order, the first failure failing the row), run through <see cref="RowCalls"/> with
    /// -ThrottleLimit, -Journal and -Summary. -Identity is the one parameter that takes whole pipeline objects, and it
    /// keeps the row for error records, so these cmdlets are session cmdlets, not row cmdlets.
    /// </summary>
    public abstract class ImSentMessageCmdlet : ImSessionCmdlet, IBulkParameters
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

        /// <inheritdoc cref="IBulkParameters.ThrottleLimit"/>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; }

        /// <inheritdoc cref="IBulkParameters.Journal"/>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Journal { get; set; }

        /// <inheritdoc cref="IBulkParameters.Summary"/>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        private RowCalls _calls = null!;

        /// <summary>The error id of a row whose call failed.</summary>
        protected abstract string ErrorId { get; }

        /// <summary>The messages to act on (-Identity).</summary>
        protected abstract ImMessagePipeBind[] Messages { get; }

        /// <summary>An explicit original sender (Tencent Cloud IM), over the one the message carries.</summary>
        protected virtual string? FromUser => null;

        /// <summary>An explicit recipient (Tencent Cloud IM), over the one the message carries.</summary>
        protected virtual string? Recipient => null;

        /// <summary>An explicit kind of channel (Tencent Cloud IM), over the one the message carries.</summary>
        protected virtual ChannelType? RecipientType => null;

        /// <summary>The session's name, for ShouldProcess targets.</summary>
        protected string Server => _server;

        // The capability is required per record, not in BeginProcessing: the parameter set of piped input is known only then.
        protected override void BeginProcessing()
        {
            _server = ResolveSession().Name;
            _calls = new RowCalls(this, this, ErrorId);
        }

        protected override void EndProcessing() => _calls.Finish();

        /// <summary>
        /// Builds each message's identity, lets the provider pick the part it acts on (a bad message fails before
        /// confirmation, with what was given as TargetObject) and asks ShouldProcess per message; then queues one call
        /// for the row's confirmed messages, which runs <paramref name="call"/> on each in turn. A failed call is an
        /// error whose TargetObject is the row (what was piped, or the -Identity values given).
        /// </summary>
        protected void ForEachMessage<TCapability, T>(string action, Func<TCapability, MessageIdentity, CancellationToken, Task<T>> call, Action<T>? onDone = null)
            where TCapability : class, IMessageAddressing
        {
            var client = RequireCapability<TCapability>();
            var scope = ParameterSetName switch { MulticastSet => MessageScope.Multicast, BroadcastSet => MessageScope.Broadcast, _ => MessageScope.Message };
            var receivers = scope == MessageScope.Multicast ? Receiver : new string[0];
            var confirmed = new List<(MessageIdentity Identity, string Key)>();
            foreach (var message in Messages)
            {
                var identity = message.ToIdentity(scope, receivers, FromUser, Recipient, RecipientType);
                object key;
                try
                {
                    key = client.KeyOf(identity, MyInvocation.MyCommand.Name);
                }
                catch (ImException ex)
                {
                    WriteItemFailure(ex, ex is ImInputException ? "ImAdmin.InvalidArgument" : ex is ImCapabilityException ? "ImAdmin.NotSupported" : ErrorId, message.Input);
                    continue;
                }
                if (ShouldProcess($"{identity} on '{_server}'", action)) confirmed.Add((identity, key.ToString() ?? string.Empty));
            }
            if (confirmed.Count == 0) return;
            var row = Messages.Length == 1 ? Messages[0].Input : Messages.Select(m => m.Input).ToArray();
            var keys = confirmed.Select(m => m.Key).ToArray();
            var keyFields = new[] { scope.ToString() }.Concat(receivers).Concat(keys).ToArray();
            _calls.Queue(row, string.Join(", ", keys), keyFields, async ct =>
            {
                var results = new List<T>();
                foreach (var message in confirmed) results.Add(await call(client, message.Identity, ct).ConfigureAwait(false));
                return results;
            }, results =>
            {
                foreach (var result in results)
                {
                    onDone?.Invoke(result);
                    if (PassThru) WriteObject(result);
                }
            });
        }
    }
}
