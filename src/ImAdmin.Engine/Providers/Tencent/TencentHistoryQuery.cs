using System;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>Which part of a C2C conversation's roaming history to read (openim/admin_getroammsg).</summary>
    public sealed class TencentHistoryQuery
    {
        public const int DefaultPageSize = 100;

        public TencentHistoryQuery(string userId, string peerUserId, DateTimeOffset startTime, DateTimeOffset endTime)
        {
            UserId = userId;
            PeerUserId = peerUserId;
            StartTime = startTime;
            EndTime = endTime;
        }

        /// <summary>The side the history is read from (Operator_Account).</summary>
        public string UserId { get; }

        /// <summary>The other party (Peer_Account).</summary>
        public string PeerUserId { get; }

        /// <summary>Range start (MinTime, whole seconds).</summary>
        public DateTimeOffset StartTime { get; }

        /// <summary>Range end (MaxTime, whole seconds).</summary>
        public DateTimeOffset EndTime { get; }

        /// <summary>Messages asked for per call (MaxCnt); the server also cuts a page at about 13 KB.</summary>
        public int PageSize { get; set; } = DefaultPageSize;
    }
}
