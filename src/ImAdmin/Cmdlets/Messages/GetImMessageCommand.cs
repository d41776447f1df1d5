using System.Linq;
using System;
using System.Collections.Generic;
using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers;
using ImAdmin.Engine.Providers.Tencent;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Sessions;

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
        private const string Capability = "Get-ImMessage (messages by id and channel history)";

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
        [ValidateRange(1, WuKongHistoryQuery.MaxPageSize)]
        public int PageSize { get; set; } = WuKongHistoryQuery.DefaultPageSize;

        protected override void BeginProcessing() => _window = new PagingWindow(PagingParameters);

        protected override void ProcessRecord()
        {
            if (_window!.IsFull) return;
            if (ResolveSession().Provider == ImProvider.TencentCloud)
            {
                WriteTencentHistory();
                return;
            }
            try
            {
                if (ParameterSetName == IdSet)
                {
                    var reader = RequireClient<IMessageByIdReader>(Capability);
                    WriteLookups(Run(ct => reader.GetMessagesByIdAsync(ChannelId, ChannelType, UserId, MessageId!, ct)));
                    return;
                }
                var client = RequireClient<WuKongClient>(Capability);
                if (StartTime.HasValue || EndTime.HasValue)
                    throw new ImInputException(StartTime.HasValue ? nameof(StartTime) : nameof(EndTime),
                        "WuKongIM reads history by sequence: use -StartSequence and -EndSequence (-StartTime and -EndTime are for Tencent Cloud IM).");
                switch (ParameterSetName)
                {
                    case ClientMsgNoSet:
                        WriteLookups(Run(ct => client.GetMessagesByClientMsgNoAsync(ChannelId, ChannelType, UserId, ClientMsgNo!, ct)));
                        break;
                    default:
                        var query = new WuKongHistoryQuery(ChannelId, ChannelType)
                        {
                            UserId = UserId,
                            StartSequence = StartSequence,
                            EndSequence = EndSequence,
                            Direction = Direction,
                            PageSize = PageSize,
                        };
                        foreach (var message in _window.Take(Stream(client.GetHistoryAsync(query, CancellationToken)))) WriteObject(message);
                        break;
                }
            }
            catch (ImException ex)
            {
                WriteItemFailure(ex, "ImAdmin.GetMessageFailed", RowOr(ChannelId));
            }
        }

        /// <summary>admin_getroammsg of the C2C conversation of -UserId with -ChannelId (Tencent has no message lookup by id).</summary>
        private void WriteTencentHistory()
        {
            var client = RequireClient<TencentClient>(Capability);
            try
            {
                if (ParameterSetName != HistorySet)
                    throw new ImCapabilityException(ImProvider.TencentCloud, $"Get-ImMessage -{ParameterSetName}",
                        "Read the conversation's history instead: Get-ImMessage -UserId <user> -ChannelId <peer> -ChannelType Person [-StartTime] [-EndTime].");
                if (ChannelType == ChannelType.Group)
                {
                    WriteTencentGroupHistory(client);
                    return;
                }
                if (ChannelType != ChannelType.Person)
                    throw new ImCapabilityException(ImProvider.TencentCloud, $"Get-ImMessage of a {ChannelType} channel",
                        "ImAdmin reads Tencent Cloud IM one-to-one history (-ChannelType Person, the peer's UserID as -ChannelId) and group history (-ChannelType Group, the GroupId as -ChannelId).");
                if (UserId == null) throw new ImInputException(nameof(UserId), "Tencent Cloud IM history is read from one side: pass -UserId (the Operator_Account) as well as -ChannelId (the peer).");
                if (StartSequence.HasValue || EndSequence.HasValue || Direction != MessageDirection.Older)
                    throw new ImInputException(StartSequence.HasValue ? nameof(StartSequence) : EndSequence.HasValue ? nameof(EndSequence) : nameof(Direction),
                        "Tencent Cloud IM reads history by time, newest first: use -StartTime and -EndTime.");
                var end = EndTime ?? DateTimeOffset.UtcNow;
                var query = new TencentHistoryQuery(UserId, ChannelId, StartTime ?? end.AddDays(-7), end) { PageSize = PageSize };
                foreach (var message in _window!.Take(Stream(client.GetHistoryAsync(query, CancellationToken)))) WriteObject(message);
            }
            catch (ImException ex)
            {
                WriteItemFailure(ex, "ImAdmin.GetMessageFailed", RowOr(ChannelId));
            }
        }

        /// <summary>
        /// group_msg_get_simple, newest first, 20 a call, lazily: -EndSequence is the newest sequence to read (default:
        /// the newest message), -StartSequence the oldest. A group's history has no time filter.
        /// </summary>
        private void WriteTencentGroupHistory(TencentClient client)
        {
            if (StartTime.HasValue || EndTime.HasValue || Direction != MessageDirection.Older)
                throw new ImInputException(StartTime.HasValue ? nameof(StartTime) : EndTime.HasValue ? nameof(EndTime) : nameof(Direction),
                    "Tencent Cloud IM reads a group's history by sequence, newest first: use -EndSequence (the newest to read) and -StartSequence (the oldest).");
            var oldest = StartSequence ?? 1;
            var messages = Stream(client.GetGroupHistoryAsync(ChannelId, PageSize, EndSequence, CancellationToken)).TakeWhile(m => m.MessageSequence >= oldest);
            foreach (var message in _window!.Take(messages)) WriteObject(message);
        }

        protected override void EndProcessing()
        {
            // The server does not say how many messages a channel holds.
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount(0, 0.0));
        }

        /// <summary>Found messages are written; each missing one is an ObjectNotFound error whose TargetObject is the id asked for.</summary>
        private void WriteLookups<TKey>(IReadOnlyList<MessageLookup<TKey>> lookups)
        {
            var found = new List<ImMessage>();
            foreach (var lookup in lookups)
            {
                if (lookup.Message != null) found.Add(lookup.Message);
                else WriteItemError(lookup.Error!, "ImAdmin.MessageNotFound", lookup.Key);
            }
            foreach (var message in _window!.Take(found)) WriteObject(message);
        }
    }
}
