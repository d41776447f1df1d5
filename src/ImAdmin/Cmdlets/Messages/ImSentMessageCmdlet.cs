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
    public abstract class ImSentMessageCmdlet : ImSessionCmdlet
    {
        protected const string MessageSet = "Message";
        protected const string MulticastSet = "Multicast";
        protected const string BroadcastSet = "Broadcast";

        private string _server = string.Empty;

        /// <summary>The server message ids (binds from Send-ImMessage -PassThru, Send-ImBroadcast -PassThru and Get-ImMessage output).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] MessageId { get; set; } = new long[0];

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

        protected WildfireClient Client { get; private set; } = null!;

        /// <summary>The capability named when the session is not WildfireChat.</summary>
        protected abstract string Capability { get; }

        protected override void BeginProcessing()
        {
            Client = RequireClient<WildfireClient>(Capability);
            _server = ResolveSession().Name;
        }

        /// <summary>Asks ShouldProcess per id, runs <paramref name="call"/>, and reports the result or the failure (TargetObject: the id).</summary>
        protected void ForEachMessage<T>(string action, string errorId, Func<long, CancellationToken, Task<T>> call, Action<long, T>? onDone = null)
        {
            foreach (var id in MessageId)
            {
                if (!ShouldProcess(Describe(id), action)) continue;
                try
                {
                    var result = Run(ct => call(id, ct));
                    onDone?.Invoke(id, result);
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
