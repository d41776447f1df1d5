namespace ImAdmin.Engine.Models
{
    /// <summary>Which connection Disconnect-ImConnection or Remove-ImConnection acted on (their -PassThru output).</summary>
    public sealed class ImConnectionReference
    {
        public string UserId { get; set; } = string.Empty;

        public long ConnectionId { get; set; }

        /// <summary>The node holding the connection; null means the node that answered the call.</summary>
        public ulong? NodeId { get; set; }

        public override string ToString() => $"{ConnectionId} {UserId}" + (NodeId.HasValue ? $" on node {NodeId}" : string.Empty);
    }
}
