using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Queries;

namespace ImAdmin.Cmdlets.Conversations
{
    /// <summary>
    /// <para type="synopsis">Lists a user's conversations with unread counts and their most recent messages.</para>
    /// </summary>
    [Cmdlet(VerbsData.Sync, "ImConversation", SupportsPaging = true)]
    [OutputType(typeof(ImConversation))]
    public sealed class SyncImConversationCommand : ImRowCmdlet
    {
        private PagingWindow? _window;

        /// <summary>The user whose conversations to list.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "User", "Account", "Member_Account", "user_id")]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = string.Empty;

        /// <summary>Recent messages per conversation (default 20). WuKongIM lists nothing at all with 0, so 1 is the minimum.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int MessageCount { get; set; } = ConversationSyncQuery.DefaultMessageCount;

        /// <summary>Legacy version stamp: above 0, recent messages start after the user's read pointer.</summary>
        [Parameter]
        [ValidateRange(0, long.MaxValue)]
        public long Version { get; set; }

        /// <summary>Only conversations with unread messages; their recent messages are the unread ones.</summary>
        [Parameter]
        public SwitchParameter OnlyUnread { get; set; }

        /// <summary>Channel types to leave out (a conversation listed in -Since is kept anyway).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public ChannelType[]? ExcludeChannelType { get; set; }

        /// <summary>An earlier result: only conversations with messages newer than it are listed, with only those messages.</summary>
        [Parameter]
        [ValidateNotNull]
        public ImConversation[]? Since { get; set; }

        /// <summary>Conversations per server call (1-500). By default everything comes in one call.</summary>
        [Parameter]
        [ValidateRange(1, ConversationSyncQuery.MaxPageSize)]
        public int? PageSize { get; set; }

        protected override void BeginProcessing() => _window = new PagingWindow(PagingParameters);

        protected override void ProcessRecord()
        {
            if (_window!.IsFull) return;
            var client = RequireCapability<IConversationLister>();
            var query = new ConversationSyncQuery(UserId)
            {
                MessageCount = MessageCount,
                Version = Version,
                OnlyUnread = OnlyUnread,
                ExcludeChannelTypes = ExcludeChannelType,
                Since = Since,
                PageSize = PageSize,
            };
            try
            {
                foreach (var conversation in _window.Take(Stream(client.SyncConversationsAsync(query, CancellationToken)))) WriteObject(conversation);
            }
            catch (ImException ex)
            {
                WriteItemFailure(ex, "ImAdmin.SyncConversationFailed", RowOr(UserId));
            }
        }

        protected override void EndProcessing()
        {
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount(0, 0.0));
        }
    }
}
