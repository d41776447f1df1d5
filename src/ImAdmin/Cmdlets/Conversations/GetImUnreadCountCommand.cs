using System;
using System.Linq;
using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Conversations
{
    /// <summary>
    /// <para type="synopsis">Gets a Tencent Cloud IM user's unread one-to-one message counts: in total, or per peer.</para>
    /// <para type="description">
    /// Without -PeerUserId the user's total over all C2C conversations is returned (PeerUserId empty); with it, one
    /// count per peer, asked 10 peers per call. A peer the server does not know is an error for that peer only.
    /// Rows run concurrently, up to -ThrottleLimit at once; their counts may come out of input order (each names its user).
    /// </para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImUnreadCount")]
    [OutputType(typeof(ImUnreadCount), typeof(ImBulkSummary))]
    public sealed class GetImUnreadCountCommand : ImBulkRowCmdlet
    {
        private IUnreadCountReader? _client;

        /// <summary>The user whose unread messages are counted.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "User", "Account", "Member_Account", "user_id")]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = string.Empty;

        /// <summary>The other parties of the conversations to count; omit for the total.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Peer", "Peer_Account")]
        [ValidateNotNullOrEmpty]
        public string[]? PeerUserId { get; set; }

        protected override string ErrorId => "ImAdmin.GetUnreadCountFailed";

        protected override void Prepare() => _client = RequireCapability<IUnreadCountReader>();

        protected override void ProcessRecord()
        {
            var (userId, peers, piped) = (UserId, PeerUserId ?? Array.Empty<string>(), InputObject);
            Calls.Queue(RowOr(userId), userId, new[] { userId }.Concat(peers).ToArray(),
                ct => _client!.GetUnreadCountsAsync(userId, peers, ct),
                results =>
                {
                    foreach (var result in results) WriteResult(result, ErrorId, (object?)piped ?? result.Input);
                });
        }
    }
}
