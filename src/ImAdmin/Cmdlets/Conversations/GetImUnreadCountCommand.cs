using System;
using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Conversations
{
    /// <summary>
    /// <para type="synopsis">Gets a Tencent Cloud IM user's unread one-to-one message counts: in total, or per peer.</para>
    /// <para type="description">
    /// Without -PeerUserId the user's total over all C2C conversations is returned (PeerUserId empty); with it, one
    /// count per peer, asked 10 peers per call. A peer the server does not know is an error for that peer only.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImUnreadCount")]
    [OutputType(typeof(ImUnreadCount))]
    public sealed class GetImUnreadCountCommand : ImRowCmdlet
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

        protected override void BeginProcessing() =>
            _client = RequireCapability<IUnreadCountReader>();

        protected override void ProcessRecord()
        {
            try
            {
                foreach (var result in Run(ct => _client!.GetUnreadCountsAsync(UserId, PeerUserId ?? Array.Empty<string>(), ct)))
                    WriteResult(result, "ImAdmin.GetUnreadCountFailed", RowOr(result.Input));
            }
            catch (ImException ex)
            {
                WriteItemFailure(ex, "ImAdmin.GetUnreadCountFailed", RowOr(UserId));
            }
        }
    }
}
