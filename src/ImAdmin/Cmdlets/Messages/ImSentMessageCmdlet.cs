using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Providers.Wildfire;

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

        /// <summary>The server message ids (WildfireChat messageUid) to act on.</summary>
        protected abstract long[]? MessageIds { get; }

        /// <summary>The capability named when the session is not WildfireChat.</summary>
        protected abstract string Capability { get; }

        /// <summary>The session's name, for ShouldProcess targets.</summary>
        protected string Server => _server;

        // The client is required per record, not in BeginProcessing: the parameter set of piped input is known only then.
        protected override void BeginProcessing() => _server = ResolveSession().Name;

        /// <summary>
        /// Asks ShouldProcess per id, runs <paramref name="call"/> on the WildfireChat client, and reports the result or
        /// the failure (TargetObject: the id).
        /// </summary>
        protected void ForEachMessage<T>(string action, string errorId, Func<WildfireClient, long, CancellationToken, Task<T>> call, Action<T>? onDone = null)
        {
            var client = RequireClient<WildfireClient>(Capability);
            if (MessageIds == null || MessageIds.Length == 0)
            {
                WriteItemError(new ImInputException("MessageId", "No message id: pass -MessageId, or pipe objects or rows with a MessageId."), "ImAdmin.InvalidArgument", InputObject);
                return;
            }
            foreach (var id in MessageIds)
            {
                if (!ShouldProcess(Describe(id), action)) continue;
                try
                {
                    var result = Run(ct => call(client, id, ct));
                    onDone?.Invoke(result);
                    if (PassThru) WriteObject(result);
                }
                catch (ImException ex)
                {
                    WriteItemFailure(ex, ex is ImInputException ? "ImAdmin.InvalidArgument" : errorId, id);
                }
            }
        }

        private string Describe(long id) => ParameterSetName switch
        {
            MulticastSet => $"multicast {id} for {string.Join(", ", Receiver)} on '{_server}'",
            BroadcastSet => $"broadcast {id} on '{_server}'",
            _ => $"message {id} on '{_server}'",
        };
    }
}
