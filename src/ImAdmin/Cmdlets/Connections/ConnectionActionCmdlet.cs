using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Base;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Connections
{
    /// <summary>
    /// Disconnect-ImConnection and Remove-ImConnection: one connection per input, bound by property name from
    /// Get-ImConnection output or CSV rows (UserId, ConnectionId, NodeId), each confirmed through ShouldProcess; a failed
    /// row is its error's TargetObject. Each row is one call, run through <see cref="RowCalls"/> (-ThrottleLimit,
    /// -Journal, -Summary).
    /// </summary>
    public abstract class ConnectionActionCmdlet : ImRowCmdlet, IBulkParameters
    {
        private IConnectionAdmin? _client;
        private RowCalls _calls = null!;

        /// <summary>The user the connection belongs to.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "User", "Account", "Member_Account", "user_id")]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = string.Empty;

        /// <summary>The connection's id on its node, as Get-ImConnection reports it.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("conn_id")]
        public long ConnectionId { get; set; }

        /// <summary>
        /// The node holding the connection (Get-ImConnection's NodeId). The call is forwarded there, so connections
        /// on other cluster nodes are reached. Default: the node the session talks to.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("node_id")]
        public ulong? NodeId { get; set; }

        /// <summary>Write the connection acted on to the pipeline.</summary>
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

        /// <summary>The ShouldProcess action, e.g. "Kick (the client is told and does not reconnect)".</summary>
        protected abstract string Action { get; }

        protected abstract string ErrorId { get; }

        protected abstract string Capability { get; }

        protected abstract Task CallAsync(IConnectionAdmin client, ImConnectionReference connection, CancellationToken cancellationToken);

        protected override void BeginProcessing()
        {
            _client = RequireCapability<IConnectionAdmin>();
            _calls = new RowCalls(this, this, ErrorId);
        }

        protected override void EndProcessing() => _calls.Finish();

        protected override void ProcessRecord()
        {
            var connection = new ImConnectionReference { UserId = UserId, ConnectionId = ConnectionId, NodeId = NodeId };
            var target = $"connection {ConnectionId} of user '{UserId}'" + (NodeId.HasValue ? $" on node {NodeId}" : string.Empty);
            if (!ShouldProcess(target, Action)) return;
            _calls.Queue(RowOr(connection), target, new[] { connection.UserId, connection.ConnectionId.ToString(), connection.NodeId?.ToString() },
                Completing(ct => CallAsync(_client!, connection, ct)), _ => { if (PassThru) WriteObject(connection); });
        }
    }
}
