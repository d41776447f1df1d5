using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Wildfire;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// <para type="synopsis">Recalls (revokes) sent messages for everyone: single messages, a multicast for some receivers, or a broadcast.</para>
    /// </summary>
    [Cmdlet(VerbsSecurity.Revoke, "ImMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = MessageSet)]
    [OutputType(typeof(ImRevokeResult))]
    public sealed class RevokeImMessageCommand : ImSessionCmdlet
    {
        private const string MessageSet = "Message";
        private const string MulticastSet = "Multicast";
        private const string BroadcastSet = "Broadcast";

        private WildfireClient? _client;
        private string _server = string.Empty;

        /// <summary>The server message ids to recall (binds from Send-ImMessage -PassThru, Send-ImBroadcast -PassThru and Get-ImMessage output).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] MessageId { get; set; } = new long[0];

        /// <summary>The user recorded as having recalled the messages. Default: admin.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Operator { get; set; } = WildfireClient.DefaultSender;

        /// <summary>The message ids are multicasts: recall them for the users in -Receiver only.</summary>
        [Parameter(ParameterSetName = MulticastSet, Mandatory = true)]
        public SwitchParameter Multicast { get; set; }

        /// <summary>The users to recall the multicast for.</summary>
        [Parameter(ParameterSetName = MulticastSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Receiver { get; set; } = new string[0];

        /// <summary>The message ids are broadcasts: recall them from every user (WildfireChat professional edition).</summary>
        [Parameter(ParameterSetName = BroadcastSet, Mandatory = true)]
        public SwitchParameter Broadcast { get; set; }

        /// <summary>Write one result per recalled message (with the original's sender and text when the server reports them).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            _client = RequireClient<WildfireClient>("Revoke-ImMessage (message recall)");
            _server = ResolveSession().Name;
        }

        protected override void ProcessRecord()
        {
            foreach (var id in MessageId)
            {
                if (!ShouldProcess(Describe(id), "Recall for everyone")) continue;
                try
                {
                    var result = ParameterSetName switch
                    {
                        MulticastSet => Run(ct => _client!.RecallMulticastAsync(id, Receiver, Operator, ct)),
                        BroadcastSet => Run(ct => _client!.RecallBroadcastAsync(id, Operator, ct)),
                        _ => Run(ct => _client!.RecallAsync(id, Operator, ct)),
                    };
                    if (result.AlreadyRevoked) WriteVerbose($"Message {id} was already recalled.");
                    if (PassThru) WriteObject(result);
                }
                catch (ImException ex)
                {
                    WriteItemFailure(ex, ex is ImInputException ? "ImAdmin.InvalidArgument" : "ImAdmin.RevokeMessageFailed", id);
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
