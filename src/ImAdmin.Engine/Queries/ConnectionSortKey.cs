namespace ImAdmin.Engine.Queries
{
    /// <summary>What the server orders a connection listing by (connz <c>sort</c>).</summary>
    public enum ConnectionSortKey
    {
        Id,
        InMessages,
        OutMessages,
        InMessageBytes,
        OutMessageBytes,
        InPackets,
        OutPackets,
        InPacketBytes,
        OutPacketBytes,
        Uptime,
        Idle,
        ProtocolVersion,
    }
}
