using System;
using System.Collections.Generic;
using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Completion;
using ImAdmin.Engine.Queries;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// <para type="synopsis">Searches one user's messages by text and filters (WuKongIM with the wk.plugin.search plugin).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Search, "ImMessage", SupportsPaging = true)]
    [OutputType(typeof(ImMessage))]
    public sealed class SearchImMessageCommand : ImRowCmdlet
    {
        private PagingWindow? _window;

        /// <summary>The user whose conversations are searched.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "User", "Account", "Member_Account", "user_id")]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = string.Empty;

        /// <summary>Text the message content must contain (case-insensitive).</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Keyword { get; set; }

        /// <summary>Only this channel; for a person channel, the other user.</summary>
        [Parameter]
        [Alias("To", "To_Account", "Target", "channel_id")]
        [ArgumentCompleter(typeof(ChannelIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ChannelId { get; set; }

        /// <summary>Only channels of this type.</summary>
        [Parameter]
        [Alias("channel_type")]
        public ChannelType? ChannelType { get; set; }

        /// <summary>Only messages from this sender.</summary>
        [Parameter]
        [Alias("FromUid", "from_uid", "From_Account", "Sender")]
        [ValidateNotNullOrEmpty]
        public string? From { get; set; }

        /// <summary>Only payloads of these "type" values (1 = text).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public int[]? PayloadType { get; set; }

        /// <summary>Only messages sent at or after this time.</summary>
        [Parameter]
        public DateTime? StartTime { get; set; }

        /// <summary>Only messages sent at or before this time.</summary>
        [Parameter]
        public DateTime? EndTime { get; set; }

        /// <summary>Results per server call (default 20).</summary>
        [Parameter]
        [ValidateRange(1, 1000)]
        public int PageSize { get; set; } = MessageSearchQuery.DefaultPageSize;

        protected override void BeginProcessing() => _window = new PagingWindow(PagingParameters);

        protected override void ProcessRecord()
        {
            if (_window!.IsFull) return;
            var client = RequireCapability<IMessageSearch>();
            var query = new MessageSearchQuery(UserId)
            {
                Keyword = Keyword,
                ChannelId = ChannelId,
                ChannelType = ChannelType,
                From = From,
                PayloadTypes = PayloadType,
                StartTime = StartTime.HasValue ? new DateTimeOffset(StartTime.Value) : (DateTimeOffset?)null,
                EndTime = EndTime.HasValue ? new DateTimeOffset(EndTime.Value) : (DateTimeOffset?)null,
                PageSize = PageSize,
            };
            try
            {
                foreach (var message in _window.Take(Messages(Stream(client.SearchMessagesAsync(query, CancellationToken))))) WriteObject(message);
            }
            catch (ImException ex)
            {
                // A missing plugin is NotSupported: one terminating error, not one per input.
                WriteItemFailure(ex, "ImAdmin.SearchMessageFailed", RowOr(UserId));
            }
        }

        private IEnumerable<ImMessage> Messages(IEnumerable<MessageSearchPage> pages)
        {
            var first = true;
            foreach (var page in pages)
            {
                if (first && PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount((ulong)page.Total, 1.0));
                first = false;
                foreach (var message in page.Messages) yield return message;
            }
        }
    }
}
