using System;
using System.Collections.Generic;
using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// <para type="synopsis">Gets messages of a channel: by message id, by client_msg_no, or the channel's history page by page.</para>
    /// <para type="description">
    /// On Tencent Cloud IM only the history of one-to-one conversations is available (admin_getroammsg): -UserId is the
    /// side read from, -ChannelId the peer, -StartTime/-EndTime the range (default: the last 7 days).
    /// </para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImMessage", DefaultParameterSetName = HistorySet, SupportsPaging = true)]
    [OutputType(typeof(ImMessage))]
    public sealed class GetImMessageCommand : ImChannelViewCmdlet
    {
        private const string HistorySet = "History";
        private const string IdSet = "MessageId";
        private const string ClientMsgNoSet = "ClientMsgNo";

        private PagingWindow? _window;

        /// <summary>Message ids to get (binds from Send-ImMessage -PassThru and Get-ImMessage output).</summary>
        [Parameter(ParameterSetName = IdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[]? MessageId { get; set; }

        /// <summary>client_msg_no values (the sender's dedupe keys) to get.</summary>
        [Parameter(ParameterSetName = ClientMsgNoSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[]? ClientMsgNo { get; set; }

        /// <summary>The first sequence to read (inclusive). Default: the newest message (Older) or 1 (Newer).</summary>
        [Parameter(ParameterSetName = HistorySet)]
        [ValidateRange(1, long.MaxValue)]
        public long? StartSequence { get; set; }

        /// <summary>The last sequence to read (inclusive). Default: 1 (Older) or the newest message (Newer).</summary>
        [Parameter(ParameterSetName = HistorySet)]
        [ValidateRange(1, long.MaxValue)]
        public long? EndSequence { get; set; }

        /// <summary>Tencent Cloud IM: the oldest message time to read. Default: 7 days before -EndTime.</summary>
        [Parameter(ParameterSetName = HistorySet)]
        public DateTimeOffset? StartTime { get; set; }

        /// <summary>Tencent Cloud IM: the newest message time to read. Default: now.</summary>
        [Parameter(ParameterSetName = HistorySet)]
        public DateTimeOffset? EndTime { get; set; }

        /// <summary>Older (default) reads newest first; Newer reads oldest first.</summary>
        [Parameter(ParameterSetName = HistorySet)]
        public MessageDirection Direction { get; set; } = MessageDirection.Older;

        /// <summary>Messages per server call (1-10000, default 100).</summary>
        [Parameter(ParameterSetName = HistorySet)]
        [ValidateRange(1, MessageHistoryQuery.MaxPageSize)]
        public int PageSize { get; set; } = MessageHistoryQuery.DefaultPageSize;

        /// <summary>
        /// The channel to look in. A person message piped in names its recipient as ChannelId, which is the viewer itself
        /// for a message the viewer received: the other user is then the row's sender.
        /// </summary>
        private string Peer =>
            ChannelType == ChannelType.Person && ChannelId == UserId && InputObject?.Properties["From"]?.Value is string from && from.Length > 0 ? from : ChannelId;

        protected override void BeginProcessing() => _window = new PagingWindow(PagingParameters);

        protected override void ProcessRecord()
        {
            if (_window!.IsFull) return;
            var session = ResolveSession();
            try
            {
                // A provider without lookups fails inside the try (a GetMessageFailed error); one without history stops as NotSupported.
                switch (ParameterSetName)
                {
                    case IdSet:
                        var byId = session.RequireCapability<IMessageByIdReader>();
                        WriteLookups(Run(ct => byId.GetMessagesByIdAsync(Peer, ChannelType, UserId, MessageId!, ct)));
                        break;
                    case ClientMsgNoSet:
                        var byClientMsgNo = session.RequireCapability<IMessageByClientMsgNoReader>();
                        WriteLookups(Run(ct => byClientMsgNo.GetMessagesByClientMsgNoAsync(Peer, ChannelType, UserId, ClientMsgNo!, ct)));
                        break;
                    default:
                        var history = RequireCapability<IMessageHistoryReader>();
                        var query = new MessageHistoryQuery(ChannelId, ChannelType)
                        {
                            UserId = UserId,
                            StartSequence = StartSequence,
                            EndSequence = EndSequence,
                            StartTime = StartTime,
                            EndTime = EndTime,
                            Direction = Direction,
                            PageSize = PageSize,
                        };
                        foreach (var message in _window.Take(Stream(history.GetHistoryAsync(query, CancellationToken)))) WriteObject(message);
                        break;
                }
            }
            catch (ImException ex)
            {
                WriteItemFailure(ex, "ImAdmin.GetMessageFailed", RowOr(ChannelId));
            }
        }

        protected override void EndProcessing()
        {
            // The server does not say how many messages a channel holds.
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount(0, 0.0));
        }

        /// <summary>Found messages are written; each missing one is an ObjectNotFound error whose TargetObject is the id asked for.</summary>
        private void WriteLookups(IReadOnlyList<ItemResult<ImMessage>> lookups)
        {
            var found = new List<ImMessage>();
            foreach (var lookup in lookups)
            {
                if (lookup.Succeeded) found.Add(lookup.Value!);
                else WriteItemError(lookup.Error!, "ImAdmin.MessageNotFound", lookup.Input);
            }
            foreach (var message in _window!.Take(found)) WriteObject(message);
        }
    }
}
